package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.IpProtocol;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A conntrack entry of the fake kernel: original tuple (client → VIP) and reply source (the real
 * server after IPVS/DNAT).
 */
public record ConntrackEntry(IpProtocol protocol, InetAddress origSrc, int origSrcPort, InetAddress origDst,
        int origDstPort, InetAddress replySrc, int replySrcPort) {

    public ConntrackEntry {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(origSrc, "origSrc");
        Objects.requireNonNull(origDst, "origDst");
        Objects.requireNonNull(replySrc, "replySrc");
    }
}
