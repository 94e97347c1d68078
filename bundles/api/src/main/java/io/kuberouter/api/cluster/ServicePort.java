package io.kuberouter.api.cluster;

import java.util.Objects;

/**
 * One {@code spec.ports[]} entry.
 *
 * @param name port name, empty when the service has a single unnamed port
 * @param targetPort number or name as written, empty when unset
 * @param nodePort 0 when no node port is allocated
 */
public record ServicePort(String name, Protocol protocol, int port, String targetPort, int nodePort) {

    public ServicePort {
        name = name == null ? "" : name;
        Objects.requireNonNull(protocol, "protocol");
        targetPort = targetPort == null ? "" : targetPort;
    }
}
