package io.kuberouter.metrics;

import com.sun.net.httpserver.HttpExchange;
import io.kuberouter.api.capability.Capability;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
 * kube-router's Prometheus endpoint: {@code --metrics-path} on {@code --metrics-addr:--metrics-port},
 * served only when 0 &lt; port &lt; 65535 (upstream's rule), with the Prometheus Java client's
 * exporter on its own JDK HTTP server, so it never depends on the Web Console's Jetty.
 *
 * <p>It serves {@code kube_router_build_info}, the JVM and process metrics, and every
 * {@link Collector} and {@link MultiCollector} service that running capabilities register; a
 * collector is scraped from the moment its service appears until it goes away with its bundle.
 * While serving it registers the {@code metrics} {@link Capability}, whose heartbeat the health
 * endpoint judges as kube-router judges its MetricsController.
 */
@Component(configurationPid = MetricsConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = MetricsConfig.class)
public class MetricsEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
    private static final byte[] NOT_FOUND = "404 page not found\n".getBytes(StandardCharsets.UTF_8);

    private final CollectorWhiteboard whiteboard = new CollectorWhiteboard();
    private final HTTPServer server;
    private final ExporterHeartbeat heartbeat;
    private final ServiceRegistration<Capability> capability;

    @Activate
    public MetricsEndpoint(MetricsConfig config, BundleContext context) throws IOException {
        BuildInfo.register(whiteboard.registry(), context.getBundle().getVersion().toString());
        JvmMetrics.builder().register(whiteboard.registry());
        int port = config.metrics_port();
        if (port <= 0 || port >= 65535) {
            server = null;
            heartbeat = null;
            capability = null;
            LOG.info("metrics endpoint disabled (--metrics-port={}; served only when 0 < port < 65535)", port);
            return;
        }
        server = start(config);
        heartbeat = new ExporterHeartbeat(Clock.systemUTC());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Capability.NAME_PROPERTY, ExporterHeartbeat.NAME);
        capability = context.registerService(Capability.class, heartbeat, properties);
        LOG.info("metrics endpoint on http://{}:{}{}", config.metrics_addr().isBlank() ? "*" : config.metrics_addr(),
                server.getPort(), config.metrics_path());
    }

    private HTTPServer start(MetricsConfig config) throws IOException {
        HTTPServer.Builder builder = HTTPServer.builder()
                .port(config.metrics_port())
                .registry(whiteboard.registry())
                .metricsHandlerPath(config.metrics_path())
                .registerHealthHandler(false)
                .defaultHandler(MetricsEndpoint::notFound);
        if (!config.metrics_addr().isBlank()) {
            builder.hostname(config.metrics_addr());
        }
        return builder.buildAndStart();
    }

    /** Every path but the metrics path answers like Go's default mux. */
    private static void notFound(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(404, NOT_FOUND.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(NOT_FOUND);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCollector(Collector collector) {
        whiteboard.add(collector);
    }

    void removeCollector(Collector collector) {
        whiteboard.remove(collector);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMultiCollector(MultiCollector collector) {
        whiteboard.add(collector);
    }

    void removeMultiCollector(MultiCollector collector) {
        whiteboard.remove(collector);
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            capability.unregister();
            heartbeat.close();
            server.close();
        }
    }
}
