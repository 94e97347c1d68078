package io.kuberouter.lab;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs host commands: to completion with captured output, or in the background with output to a log file. */
final class Shell {
    /** How long a command run to completion may take before it is killed. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Outcome of a command run to completion. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** The command's stdout; throws IllegalStateException naming command, exit code and stderr if it failed. */
        String orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exitCode + ": "
                        + (stderr + " " + stdout).strip());
            }
            return stdout;
        }
    }

    private Shell() {
    }

    /** Runs {@code command}, throws IllegalStateException if it fails; returns its stdout. */
    static String exec(String... command) {
        return run(List.of(command), Map.of(), "").orThrow();
    }

    /** Same as {@link #exec(String...)} inside network namespace {@code netns}. */
    static String execIn(String netns, String... command) {
        return run(inNetns(netns, List.of(command)), Map.of(), "").orThrow();
    }

    /** {@code ip netns exec NETNS command...}: the command runs in that namespace (ip execs it: same pid). */
    static List<String> inNetns(String netns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        full.addAll(command);
        return full;
    }

    /**
     * Runs {@code command} with {@code extraEnv} added to the environment and {@code stdin} as its input; never
     * throws for a failing command (exit code 124 after {@link #TIMEOUT}, 127 if it cannot start).
     */
    static Result run(List<String> command, Map<String, String> extraEnv, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(extraEnv);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(List.copyOf(command), 127, "", e.getMessage());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        write(process.getOutputStream(), stdin);
        int exitCode = await(process);
        return new Result(List.copyOf(command), exitCode, out.join(), err.join());
    }

    /** Starts {@code command} in the background, stdout and stderr appended to {@code log}, stdin empty. */
    static Process start(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
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
        return 124;
    }

    private static void write(OutputStream stdin, String text) {
        try (stdin) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command ended without reading its input: its exit code tells what happened
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
