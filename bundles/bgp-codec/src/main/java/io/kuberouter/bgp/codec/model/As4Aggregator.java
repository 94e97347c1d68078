package io.kuberouter.bgp.codec.model;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * AS4_AGGREGATOR, type 18, optional transitive (RFC 6793 §3): the 4-octet aggregator sent next to
 * an AGGREGATOR holding AS_TRANS. Decoded UPDATEs never contain it: the codec folds it into
 * {@link Aggregator} (RFC 6793 §4.2.3).
 */
public record As4Aggregator(long asNumber, Inet4Address address) implements PathAttribute {

    public As4Aggregator {
        Unsigned.u32("asNumber", asNumber);
        Objects.requireNonNull(address, "address");
    }
}
