package io.kuberouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waits for a background process of the lab to be ready; failures name the process and end with its log's tail. */
final class Readiness {
    private static final long POLL_MILLIS = 100;
    private static final int TAIL_LINES = 30;

    private Readiness() {
    }

    /**
     * Polls {@code ready} until it holds; throws IllegalStateException if {@code process} exits first or
     * {@code timeout} passes.
     */
    static void await(String what, Process process, Path log, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + "; " + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s; " + tail(log));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Whether {@code log} has a line starting with {@code prefix}. */
    static boolean logHasLine(Path log, String prefix) {
        return lines(log).stream().anyMatch(line -> line.startsWith(prefix));
    }

    /** The last lines of {@code log}, introduced by its path. */
    static String tail(Path log) {
        List<String> lines = lines(log);
        return "last lines of " + log + ":\n  " + String.join("\n  ",
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
