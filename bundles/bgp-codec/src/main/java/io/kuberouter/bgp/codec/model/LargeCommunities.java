package io.kuberouter.bgp.codec.model;

import java.util.List;

/** LARGE_COMMUNITY, type 32, optional transitive (RFC 8092 §3); at least one community. */
public record LargeCommunities(List<LargeCommunity> communities) implements PathAttribute {

    public LargeCommunities {
        communities = List.copyOf(communities);
        if (communities.isEmpty()) {
            throw new IllegalArgumentException("LARGE_COMMUNITY must not be empty (RFC 8092 §6)");
        }
    }
}
