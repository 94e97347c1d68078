package io.kuberouter.bgp.speaker.impl.export;

import java.util.List;

import io.kuberouter.bgp.codec.model.PathAttribute;

/** Path attributes with their next hop octets, while being rewritten. */
public record Rewritten(List<PathAttribute> attributes, byte[] nextHop) {

    public Rewritten {
        attributes = List.copyOf(attributes);
    }
}
