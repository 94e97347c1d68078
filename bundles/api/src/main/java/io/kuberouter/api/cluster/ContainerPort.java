package io.kuberouter.api.cluster;

/**
 * A named or unnamed container port; named ones resolve NetworkPolicy named ports.
 *
 * @param name empty when the port has no name
 */
public record ContainerPort(String name, Protocol protocol, int port) {

    public ContainerPort {
        name = name == null ? "" : name;
        java.util.Objects.requireNonNull(protocol, "protocol");
    }
}
