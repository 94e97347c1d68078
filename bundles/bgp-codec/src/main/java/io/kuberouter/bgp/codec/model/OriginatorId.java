package io.kuberouter.bgp.codec.model;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * ORIGINATOR_ID, type 9, optional non-transitive (RFC 4456 §8): BGP Identifier of the route's
 * originator in the local AS, set by a route reflector.
 */
public record OriginatorId(Inet4Address originator) implements PathAttribute {

    public OriginatorId {
        Objects.requireNonNull(originator, "originator");
    }
}
