package io.kuberouter.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kuberouter.api.capability.Capability;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz} on {@code --health-addr:--health-port}, as kube-router serves it: 200
 * {@code OK} while healthy, 500 naming the stale capability controllers otherwise. Capabilities
 * come and go with their bundles; a stopped capability is simply no longer judged.
 */
@Component(configurationPid = HealthConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = HealthConfig.class)
public class HealthEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    private final List<Capability> capabilities = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final HttpServer server;
    private final ExecutorService executor;

    @Activate
    public HealthEndpoint(HealthConfig config) throws IOException {
        if (config.health_port() == 0) {
            server = null;
            executor = null;
            LOG.info("health endpoint disabled (--health-port=0)");
            return;
        }
        InetSocketAddress address = config.health_addr().isBlank()
                ? new InetSocketAddress(config.health_port())
                : new InetSocketAddress(config.health_addr(), config.health_port());
        server = HttpServer.create(address, 16);
        executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "kube-router-health"));
        server.setExecutor(executor);
        server.createContext("/healthz", this::serve);
        server.start();
        LOG.info("health endpoint on http://{}:{}/healthz", address.getHostString(), server.getAddress().getPort());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCapability(Capability capability) {
        capabilities.add(capability);
    }

    void removeCapability(Capability capability) {
        capabilities.remove(capability);
    }

    private void serve(HttpExchange exchange) throws IOException {
        HealthVerdict verdict = HealthVerdict.of(capabilities, clock.instant());
        byte[] body = verdict.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(verdict.healthy() ? 200 : 500, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
