package io.kuberouter.proxy.health;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.Objects;

/**
 * What one health check port answers for.
 *
 * @param service the Service whose {@code spec.healthCheckNodePort} this is
 * @param localEndpoints this node's serving or ready, non-terminating endpoints of the Service
 */
public record HealthCheck(ObjectKey service, int localEndpoints) {

    public HealthCheck {
        Objects.requireNonNull(service, "service");
    }
}
