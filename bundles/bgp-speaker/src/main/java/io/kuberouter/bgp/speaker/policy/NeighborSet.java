package io.kuberouter.bgp.speaker.policy;

import java.util.List;
import java.util.Objects;

import io.kuberouter.bgp.codec.model.IpPrefix;

/**
 * A named set of peers, as address prefixes ({@code 10.0.0.1/32} names one peer).
 *
 * @param name the set's name, unique among neighbor sets
 * @param neighbors the peer addresses or ranges
 */
public record NeighborSet(String name, List<IpPrefix> neighbors) {

    public NeighborSet {
        Objects.requireNonNull(name, "name");
        neighbors = List.copyOf(neighbors);
    }
}
