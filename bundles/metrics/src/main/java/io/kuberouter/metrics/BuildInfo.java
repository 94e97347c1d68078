package io.kuberouter.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code kube_router_build_info}: a gauge of value 1 labelled with the runtime and agent version,
 * as kube-router exposes it; {@code goversion} carries the Java runtime version instead of Go's.
 */
final class BuildInfo {

    static final String NAME = "kube_router_build_info";

    private BuildInfo() {
    }

    static void register(PrometheusRegistry registry, String version) {
        Gauge gauge = Gauge.builder()
                .name(NAME)
                .help("Expose version and other build information")
                .labelNames("goversion", "version")
                .register(registry);
        gauge.labelValues("java" + Runtime.version(), version).set(1);
    }
}
