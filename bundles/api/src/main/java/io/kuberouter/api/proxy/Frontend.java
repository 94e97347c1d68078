package io.kuberouter.api.proxy;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Protocol;
import java.util.Objects;

/**
 * An address, protocol and port the proxy answers on.
 *
 * @param address the IP address in canonical text form (IPv6 in RFC 5952 form)
 * @param port 1..65535
 */
public record Frontend(FrontendKind kind, String address, Protocol protocol, int port) {

    public Frontend {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("frontend port out of 1..65535: " + port);
        }
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }

    /** kube-router's key of a VIP, {@code <ip>-<protocol>-<port>} with the protocol in lower case. */
    public String id() {
        return address + "-" + protocol.name().toLowerCase(java.util.Locale.ROOT) + "-" + port;
    }
}
