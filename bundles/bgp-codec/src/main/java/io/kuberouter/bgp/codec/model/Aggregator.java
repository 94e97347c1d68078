package io.kuberouter.bgp.codec.model;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * AGGREGATOR, type 7, optional transitive (RFC 4271 §5.1.7), always with a 4-octet AS number;
 * {@link As4Aggregator} carries it on 2-octet sessions (RFC 6793 §4.2).
 *
 * @param asNumber the AS that formed the aggregate
 * @param address the BGP Identifier of the aggregating speaker
 */
public record Aggregator(long asNumber, Inet4Address address) implements PathAttribute {

    public Aggregator {
        Unsigned.u32("asNumber", asNumber);
        Objects.requireNonNull(address, "address");
    }
}
