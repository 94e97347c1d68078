package io.kuberouter.api.proxy;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.List;
import java.util.Objects;

/**
 * One frontend of one Service port with its backends: an IPVS virtual service with its real servers, or
 * one verdict-map element with its service chain.
 *
 * @param service the Service
 * @param portName {@code spec.ports[].name}, empty for an unnamed port
 * @param backends the backends in the order the proxy programs them; empty when the Service has none
 *     (the frontend still exists and refuses connections)
 */
public record VirtualServer(ObjectKey service, String portName, Frontend frontend, Scheduling scheduling,
        Delivery delivery, List<Backend> backends) {

    public VirtualServer {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(portName, "portName");
        Objects.requireNonNull(frontend, "frontend");
        Objects.requireNonNull(scheduling, "scheduling");
        Objects.requireNonNull(delivery, "delivery");
        backends = List.copyOf(backends);
    }

    /** kube-router's key of a service port, {@code <namespace>-<service>-<portName>}. */
    public String portId() {
        return service.namespace() + "-" + service.name() + "-" + portName;
    }

    /** This virtual server delivered as {@code other} says. */
    public VirtualServer withDelivery(Delivery other) {
        return new VirtualServer(service, portName, frontend, scheduling, other, backends);
    }
}
