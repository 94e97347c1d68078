package io.kuberouter.kernel.api.ipvs;

import io.kuberouter.kernel.api.IpPrefix;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A real server of a virtual service; identified within its service by address and port.
 *
 * @param address real server address (may differ in family from the service only on kernels with
 *        mixed-family support)
 * @param port real server port, 0..65535 (0 for fwmark services = keep the packet's port)
 * @param method forwarding method
 * @param weight scheduling weight &gt;= 0 (0 = quiescent: no new connections)
 * @param upperThreshold connection upper threshold, 0 = none
 * @param lowerThreshold connection lower threshold, 0 = none
 */
public record Destination(InetAddress address, int port, ForwardingMethod method, int weight, int upperThreshold,
        int lowerThreshold) {

    public Destination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(method, "method");
        if (port < 0 || port > 65535 || weight < 0 || upperThreshold < 0 || lowerThreshold < 0) {
            throw new IllegalArgumentException("bad destination port/weight/thresholds");
        }
    }

    /** A destination without thresholds. */
    public static Destination of(InetAddress address, int port, ForwardingMethod method, int weight) {
        return new Destination(address, port, method, weight, 0, 0);
    }

    /** This destination with another weight. */
    public Destination withWeight(int newWeight) {
        return new Destination(address, port, method, newWeight, upperThreshold, lowerThreshold);
    }

    /** True iff {@code other} has the same identity (address and port). */
    public boolean sameTarget(Destination other) {
        return address.equals(other.address) && port == other.port;
    }

    /** {@code 10.0.0.5:8080}, {@code [fd00::5]:8080}. */
    public String target() {
        String host = IpPrefix.text(address);
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
