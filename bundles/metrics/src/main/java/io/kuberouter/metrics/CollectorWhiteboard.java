package io.kuberouter.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry a scrape reads, fed by the collector services that capabilities register. A
 * collector the registry refuses (a metric name already registered with another type or other
 * labels) is logged and never scraped; removing it later leaves the holder of the name untouched.
 *
 * <p>Threading: thread-safe.
 */
final class CollectorWhiteboard {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorWhiteboard.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Set<Object> accepted = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    PrometheusRegistry registry() {
        return registry;
    }

    void add(Collector collector) {
        try {
            registry.register(collector);
            accepted.add(collector);
        } catch (IllegalArgumentException e) {
            LOG.warn("metrics collector {} not served: {}", collector.getClass().getName(), e.getMessage());
        }
    }

    void add(MultiCollector collector) {
        try {
            registry.register(collector);
            accepted.add(collector);
        } catch (IllegalArgumentException e) {
            LOG.warn("metrics collector {} not served: {}", collector.getClass().getName(), e.getMessage());
        }
    }

    void remove(Collector collector) {
        if (accepted.remove(collector)) {
            registry.unregister(collector);
        }
    }

    void remove(MultiCollector collector) {
        if (accepted.remove(collector)) {
            registry.unregister(collector);
        }
    }
}
