package io.kuberouter.kernel.exec.process;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with {@link ProcessBuilder} (found on {@code PATH}). stdout and stderr are drained by
 * short-lived threads while a third writes stdin in 64 KiB chunks, so arbitrarily large
 * batches never dead-lock on full pipes. The child inherits the network namespace of the calling
 * thread (so inside {@code Netns.call} it acts on that namespace).
 */
public final class SystemProcessRunner implements ProcessRunner {

    private static final int CHUNK = 64 * 1024;

    @Override
    public ProcessResult run(List<String> command, CharSequence stdin, Duration timeout) throws KernelException {
        Process process = start(command);
        Drain out = new Drain(process.getInputStream(), command.get(0) + "-stdout");
        Drain err = new Drain(process.getErrorStream(), command.get(0) + "-stderr");
        Thread feeder = daemon(() -> feed(process, stdin), command.get(0) + "-stdin");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new KernelException(command.get(0), "", Errno.ETIMEDOUT.number(), "killed after " + timeout);
            }
            feeder.join();
            return new ProcessResult(command, process.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KernelException(command.get(0), "", Errno.EINTR.number(), "interrupted", e);
        }
    }

    private static Process start(List<String> command) throws KernelException {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new KernelException(command.get(0), "", Errno.ENOENT.number(), String.valueOf(e.getMessage()), e);
        }
    }

    /** Writes stdin; a broken pipe (the tool exited early) is left for the exit status to explain. */
    private static void feed(Process process, CharSequence stdin) {
        try (Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            for (int i = 0; i < stdin.length(); i += CHUNK) {
                w.append(stdin, i, Math.min(stdin.length(), i + CHUNK));
            }
        } catch (IOException brokenPipe) {
            // the exit status and stderr report why the tool stopped reading
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Reads one stream to the end on its own thread. */
    private static final class Drain {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, String name) {
            thread = daemon(() -> {
                try (in) {
                    in.transferTo(buffer);
                } catch (IOException closed) {
                    // process killed: keep what was read
                }
            }, name);
        }

        String text() throws InterruptedException {
            thread.join();
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
