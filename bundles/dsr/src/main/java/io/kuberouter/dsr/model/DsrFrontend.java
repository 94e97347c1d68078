package io.kuberouter.dsr.model;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Protocol;
import java.util.Objects;

/**
 * One frontend DSR delivers: packets to {@code vip:port/protocol} get {@code fwmark} in mangle PREROUTING and
 * OUTPUT, are routed locally by table 78, and the proxy's fwmark IPVS service tunnels them to the backends.
 */
public record DsrFrontend(String vip, Protocol protocol, int port, int fwmark) {

    public DsrFrontend {
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(protocol, "protocol");
    }

    public IpFamily family() {
        return IpFamily.of(vip);
    }
}
