package io.kuberouter.bgp.codec.model;

import java.net.Inet4Address;
import java.util.Objects;

/** NEXT_HOP, type 3, well-known (RFC 4271 §5.1.3): next hop of the IPv4 NLRI of the message. */
public record NextHop(Inet4Address address) implements PathAttribute {

    public NextHop {
        Objects.requireNonNull(address, "address");
    }
}
