package io.kuberouter.api.proxy;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.Objects;

/**
 * One endpoint address and port a virtual server sends traffic to.
 *
 * @param address canonical text form of the endpoint address
 * @param port the EndpointSlice port matched to the service port by name
 * @param nodeName the endpoint's node, empty when unknown
 * @param pod the endpoint's pod, {@code null} when the endpoint names none
 * @param local true when {@code nodeName} is this node
 * @param ready {@code conditions.ready}
 * @param terminating {@code conditions.terminating}; a terminating endpoint is a backend only while it
 *     is still serving (kube-router v2.11 admits an endpoint when it is serving or ready)
 */
public record Backend(String address, int port, String nodeName, ObjectKey pod, boolean local, boolean ready,
        boolean terminating) {

    public Backend {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(nodeName, "nodeName");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("backend port out of 1..65535: " + port);
        }
    }

    /** kube-router's key of an endpoint, {@code <ip>:<port>}. */
    public String id() {
        return address + ":" + port;
    }
}
