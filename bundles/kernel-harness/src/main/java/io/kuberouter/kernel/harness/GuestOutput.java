package io.kuberouter.kernel.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Echoes a guest's output line by line to a stream (the test log) with a prefix, and keeps its last lines
 * for failure messages. Runs on its own daemon thread until the output ends.
 */
final class GuestOutput {
    static final int TAIL_LINES = 200;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread thread;

    private GuestOutput(InputStream output, PrintStream echo, String prefix) {
        thread = new Thread(() -> pump(output, echo, prefix), "uml-guest-output");
        thread.setDaemon(true);
    }

    static GuestOutput start(InputStream output, PrintStream echo, String prefix) {
        GuestOutput pump = new GuestOutput(output, echo, prefix);
        pump.thread.start();
        return pump;
    }

    /** Waits (at most {@code millis}) for the output to end, then returns its last {@link #TAIL_LINES} lines. */
    String tail(long millis) throws InterruptedException {
        thread.join(millis);
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private void pump(InputStream output, PrintStream echo, String prefix) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                echo.println(prefix + line);
                keep(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keep(String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
    }
}
