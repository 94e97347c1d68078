package io.kuberouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One long-lived TCP connection through the lab's dataplane: an echo server ({@code stream.py serve}) in one pod and a
 * holder ({@code stream.py hold}) in another that exchanges a line every 100 ms over a single connection and never
 * reconnects. Whatever happens to the agents meanwhile, {@link #status()} tells whether that very connection still
 * carries data.
 */
public final class LongConnection {
    private final String description;
    private final Process holder;
    private final Path holderLog;

    private LongConnection(String description, Process holder, Path holderLog) {
        this.description = description;
        this.holder = holder;
        this.holderLog = holderLog;
    }

    /** Starts an echo server on {@code pod}:{@code port}; returns once it listens. */
    static void serve(LabPod pod, int port, Path script, Path logDir, Created created, Duration timeout) {
        Path log = logDir.resolve("stream-server-" + pod.name() + "-" + port + ".log");
        Process server = created.process(Shell.start(Shell.inNetns(pod.netns(),
                List.of(PodServers.PYTHON, script.toString(), "serve", Integer.toString(port))), log));
        Readiness.await("stream server in " + pod.id(), server, log, timeout, () -> Readiness.logHasLine(log, "ready"));
    }

    /**
     * Starts a holder in {@code clientPod} connecting to {@code targetIp}:{@code port} (an echo server's pod IP, or a
     * VIP that leads to one); returns once connected, throws IllegalStateException if the connection fails.
     */
    static LongConnection open(LabPod clientPod, String targetIp, int port, Path script, Path logDir,
            Created created, Duration timeout) {
        String description = clientPod.id() + " -> " + targetIp + ":" + port;
        Path log = logDir.resolve("stream-holder-" + clientPod.name() + "-" + targetIp + "-" + port + "-"
                + System.nanoTime() + ".log");
        Process holder = created.process(Shell.start(Shell.inNetns(clientPod.netns(),
                List.of(PodServers.PYTHON, script.toString(), "hold", targetIp, Integer.toString(port))), log));
        Readiness.await("connection " + description, holder, log, timeout, () -> Readiness.logHasLine(log, "ok "));
        return new LongConnection(description, holder, log);
    }

    /**
     * The connection's last status line: {@code ok <exchanges> <longest gap ms>} while it carries data,
     * {@code broken <exchanges> <reason>} once it failed.
     */
    public String status() {
        List<String> lines = lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("ok ") || lines.get(i).startsWith("broken ")) {
                return lines.get(i);
            }
        }
        return holder.isAlive() ? "connecting" : "exited";
    }

    /** Whether the connection still carries data: the holder runs and has not reported a failure. */
    public boolean alive() {
        return holder.isAlive() && status().startsWith("ok ");
    }

    /** Echo exchanges so far. */
    public long exchanges() {
        String[] fields = status().split(" ");
        return fields.length > 1 ? Long.parseLong(fields[1]) : 0;
    }

    /** Waits until {@code more} further exchanges went through; throws IllegalStateException if it broke first. */
    public void awaitExchanges(long more, Duration timeout) {
        long target = exchanges() + more;
        Readiness.await("connection " + description, holder, holderLog, timeout, () -> {
            if (!alive()) {
                throw new IllegalStateException("connection " + description + " broke: " + status());
            }
            return exchanges() >= target;
        });
    }

    @Override
    public String toString() {
        return description + ": " + status();
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(holderLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
