package io.kuberouter.firewall.lab;

import io.kuberouter.kernel.harness.Netns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running {@code lab/podagent.py} in a namespace: it serves its name on TCP, UDP and SCTP ports 80 and 81 of
 * its addresses, and probes other pods on request. {@link #close()} ends the process (only this process).
 */
final class PodAgent implements AutoCloseable {

    /** Outcome of one probe: whether it connected and, if so, the name the server answered. */
    record Outcome(boolean connected, String answer) {
    }

    private final String name;
    private final Process process;
    private final Writer commands;
    private final Map<Long, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private PodAgent(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "podagent-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the agent {@code name} in {@code ns} and waits until it serves. */
    static PodAgent start(Netns ns, String name, List<String> addresses) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(), "python3", "-u",
                script().toString(), name, "80,81"));
        command.addAll(addresses);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            PodAgent agent = new PodAgent(name, p);
            agent.ready.get(20, TimeUnit.SECONDS);
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("pod agent " + name + " did not start", e);
        }
    }

    /** Probes {@code address:port} over {@code protocol} ({@code tcp}, {@code udp}, {@code sctp}). */
    CompletableFuture<Outcome> probe(String protocol, String address, int port, int timeoutMillis) {
        long id = ids.incrementAndGet();
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        pending.put(id, result);
        synchronized (commands) {
            try {
                commands.write(id + " " + protocol + " " + address + " " + port + " " + timeoutMillis + "\n");
                commands.flush();
            } catch (IOException e) {
                pending.remove(id);
                result.completeExceptionally(e);
            }
        }
        return result;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answer(line);
            }
        } catch (IOException closed) {
            // the process ended: pending probes fail below
        }
        ready.completeExceptionally(new IllegalStateException("agent " + name + " exited"));
        pending.values().forEach(f -> f.complete(new Outcome(false, "agent exited")));
    }

    private void answer(String line) {
        if (line.equals("READY")) {
            ready.complete(null);
            return;
        }
        String[] parts = line.split(" ", 3);
        CompletableFuture<Outcome> f = pending.remove(Long.parseLong(parts[0]));
        if (f != null) {
            f.complete(new Outcome(parts[1].equals("ok"), parts.length > 2 ? parts[2] : ""));
        }
    }

    private static Path script() {
        try {
            return Path.of(PodAgent.class.getResource("/lab/podagent.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
