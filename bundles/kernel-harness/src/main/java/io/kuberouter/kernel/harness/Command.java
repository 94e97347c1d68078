package io.kuberouter.kernel.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a host command to completion, capturing stdout and stderr together. */
public final class Command {
    /** How long a command may run before it is killed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Exit code reported for a command that could not be started (as a shell does). */
    public static final int NOT_STARTED = 127;
    /** Exit code reported for a command killed after {@link #TIMEOUT} or on interrupt (as timeout(1) does). */
    public static final int TIMED_OUT = 124;

    /** Output reported when the command's background children still hold its output open 10 s after it ended. */
    public static final String OUTPUT_HELD_OPEN = "(output unavailable: held open by the command's children)";

    /** Outcome of one command: its exit code and its combined stdout/stderr. */
    public record Result(List<String> command, int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** Returns the output if the command succeeded, else throws IllegalStateException naming command and output. */
        public String orThrow() {
            if (!ok()) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exitCode + ": " + output.strip());
            }
            return output;
        }
    }

    private Command() {
    }

    /** Same as {@link #run(List)}. */
    public static Result run(String... command) {
        return run(List.of(command));
    }

    /** Runs {@code command}; never throws for a failing command, see {@link #NOT_STARTED} and {@link #TIMED_OUT}. */
    public static Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            return new Result(List.copyOf(command), NOT_STARTED, e.getMessage());
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        int exitCode = await(process);
        // children the command left running in the background may hold the pipe open: do not wait for them
        return new Result(List.copyOf(command), exitCode,
                output.completeOnTimeout(OUTPUT_HELD_OPEN, 10, TimeUnit.SECONDS).join());
    }

    /** {@code prefix} followed by {@code rest}, as a new mutable list. */
    static List<String> join(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }

    private static int await(Process process) {
        try {
            if (process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return TIMED_OUT;
    }

    private static String readAll(Process process) {
        try (var in = process.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
