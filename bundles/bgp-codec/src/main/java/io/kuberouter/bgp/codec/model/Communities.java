package io.kuberouter.bgp.codec.model;

import java.util.List;

/** COMMUNITIES, type 8, optional transitive (RFC 1997); at least one community. */
public record Communities(List<Community> communities) implements PathAttribute {

    public Communities {
        communities = List.copyOf(communities);
        if (communities.isEmpty()) {
            throw new IllegalArgumentException("COMMUNITIES must not be empty (RFC 7606 §7.8)");
        }
    }
}
