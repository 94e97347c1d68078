package io.kuberouter.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Prometheus endpoint; filled by the launcher from {@code --metrics-addr},
 * {@code --metrics-port} and {@code --metrics-path}.
 */
@ObjectClassDefinition(id = MetricsConfig.PID, name = "kube-router: metrics",
        description = "Serves kube-router's Prometheus metrics when 0 < --metrics-port < 65535, as kube-router does.")
@interface MetricsConfig {

    String PID = "io.kuberouter.metrics";

    @AttributeDefinition(description = "--metrics-addr: bind address, empty for all addresses")
    String metrics_addr() default "";

    @AttributeDefinition(description = "--metrics-port: served only when 0 < port < 65535", min = "0", max = "65535")
    int metrics_port() default 0;

    @AttributeDefinition(description = "--metrics-path: the path answering scrapes")
    String metrics_path() default "/metrics";
}
