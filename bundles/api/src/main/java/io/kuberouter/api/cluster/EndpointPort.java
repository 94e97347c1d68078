package io.kuberouter.api.cluster;

/**
 * One port of an EndpointSlice; matched to service ports by name.
 *
 * @param name empty for the unnamed port
 */
public record EndpointPort(String name, Protocol protocol, int port) {

    public EndpointPort {
        name = name == null ? "" : name;
        java.util.Objects.requireNonNull(protocol, "protocol");
    }
}
