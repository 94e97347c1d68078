package io.kuberouter.kernel.api.route;

import io.kuberouter.kernel.api.link.LinkSpec;
import java.net.InetAddress;
import java.util.Optional;

/**
 * One path of a route: a gateway and/or an output device.
 *
 * @param gateway next-hop router, empty for a directly connected destination
 * @param dev output interface name, empty to let the kernel pick it from the gateway
 * @param weight relative weight in a multipath route, 1..256 (1 for single-path routes)
 * @param onlink gateway is reachable on {@code dev} without a covering route ({@code RTNH_F_ONLINK})
 */
public record Nexthop(Optional<InetAddress> gateway, Optional<String> dev, int weight, boolean onlink) {

    public Nexthop {
        if (gateway.isEmpty() && dev.isEmpty()) {
            throw new IllegalArgumentException("a next hop needs a gateway or a device");
        }
        dev.ifPresent(LinkSpec::checkName);
        if (weight < 1 || weight > 256) {
            throw new IllegalArgumentException("next-hop weight out of 1..256: " + weight);
        }
        if (onlink && dev.isEmpty()) {
            throw new IllegalArgumentException("onlink needs a device");
        }
    }

    /** Via {@code gateway}, device chosen by the kernel. */
    public static Nexthop via(InetAddress gateway) {
        return new Nexthop(Optional.of(gateway), Optional.empty(), 1, false);
    }

    /** Directly out of {@code dev}. */
    public static Nexthop dev(String dev) {
        return new Nexthop(Optional.empty(), Optional.of(dev), 1, false);
    }

    /** Via {@code gateway} out of {@code dev}. */
    public static Nexthop via(InetAddress gateway, String dev) {
        return new Nexthop(Optional.of(gateway), Optional.of(dev), 1, false);
    }
}
