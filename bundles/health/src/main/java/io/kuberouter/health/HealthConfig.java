package io.kuberouter.health;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The health endpoint; filled by the launcher from {@code --health-addr} and {@code --health-port}. */
@ObjectClassDefinition(id = HealthConfig.PID, name = "kube-router: health",
        description = "GET /healthz answers 200 OK while every running capability's heartbeats are fresh.")
@interface HealthConfig {

    String PID = "io.kuberouter.health";

    @AttributeDefinition(description = "--health-addr: bind address, empty for all addresses")
    String health_addr() default "";

    @AttributeDefinition(description = "--health-port: 0 disables the HTTP endpoint (checks still run)",
            min = "0", max = "65535")
    int health_port() default 20244;
}
