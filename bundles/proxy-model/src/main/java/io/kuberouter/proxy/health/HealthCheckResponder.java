package io.kuberouter.proxy.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one JDK HTTP server per desired health check port, as kube-router v2.11's NodePort health check controller
 * does: {@code GET /healthz} answers 200 "{@code <n>} Service Endpoints found" while the Service has local
 * non-terminating endpoints, else 503 "No Service Endpoints Found" (bodies end with a newline, content type
 * {@code text/plain; charset=utf-8}, as Go's {@code net/http} writes them); other paths get 404.
 *
 * <p>{@link #apply} starts servers for new ports, stops those of ports no longer wanted, and updates the counts of
 * the others in place (no restart). A port that cannot be bound (already in use) is logged once and counted through
 * {@code countSkipped} with reason {@value #PORT_IN_USE}; it is retried on every apply. Sockets are opened on the
 * calling thread, so call from the thread that is in the node's network namespace. Not thread-safe: one caller.
 */
public final class HealthCheckResponder implements AutoCloseable {

    /** Reason counted when a health check port cannot be bound. */
    public static final String PORT_IN_USE = "health-check-port-unavailable";
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckResponder.class);

    private final InetAddress bindAddress;
    private final Consumer<String> countSkipped;
    private final Map<Integer, Running> running = new HashMap<>();
    private final Set<Integer> failed = new HashSet<>();

    /**
     * @param bindAddress the address to listen on; {@code null} for every address (kube-router listens on
     *     {@code :<port>})
     * @param countSkipped called with a reason for every port that could not be bound the first time it fails
     */
    public HealthCheckResponder(InetAddress bindAddress, Consumer<String> countSkipped) {
        this.bindAddress = bindAddress;
        this.countSkipped = countSkipped;
    }

    /** Makes the running servers match {@code desired} (port → health check). */
    public void apply(Map<Integer, HealthCheck> desired) {
        for (Iterator<Map.Entry<Integer, Running>> it = running.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Integer, Running> entry = it.next();
            if (!desired.containsKey(entry.getKey())) {
                entry.getValue().server.stop(0);
                it.remove();
                LOG.info("health check port {} closed", entry.getKey());
            }
        }
        failed.retainAll(desired.keySet());
        desired.forEach((port, check) -> {
            Running current = running.get(port);
            if (current != null) {
                current.check.set(check);
            } else {
                start(port, check);
            }
        });
    }

    /** The ports with a running server. */
    public Set<Integer> ports() {
        return Set.copyOf(running.keySet());
    }

    /** Stops every server. */
    @Override
    public void close() {
        running.values().forEach(r -> r.server.stop(0));
        running.clear();
        failed.clear();
    }

    private void start(int port, HealthCheck check) {
        AtomicReference<HealthCheck> current = new AtomicReference<>(check);
        try {
            InetSocketAddress address = bindAddress == null ? new InetSocketAddress(port)
                    : new InetSocketAddress(bindAddress, port);
            HttpServer server = HttpServer.create(address, 0);
            server.createContext("/", exchange -> answer(exchange, current.get()));
            server.start();
            running.put(port, new Running(server, current));
            if (failed.remove(port)) {
                LOG.info("health check port {} of service {} now listening", port, check.service());
            }
        } catch (IOException | RuntimeException e) {
            if (failed.add(port)) {
                LOG.warn("Warning SkippedServiceInput service {}: cannot listen on health check node port {}: {} ({})",
                        check.service(), port, e.getMessage(), PORT_IN_USE);
                countSkipped.accept(PORT_IN_USE);
            }
        }
    }

    private static void answer(HttpExchange exchange, HealthCheck check) throws IOException {
        try (exchange) {
            int status;
            String body;
            if (!"/healthz".equals(exchange.getRequestURI().getPath())) {
                status = 404;
                body = "404 page not found\n";
            } else if (check.localEndpoints() > 0) {
                status = 200;
                body = check.localEndpoints() + " Service Endpoints found\n";
            } else {
                status = 503;
                body = "No Service Endpoints Found\n";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Running(HttpServer server, AtomicReference<HealthCheck> check) {
    }
}
