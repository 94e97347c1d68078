package io.kuberouter.bgp.codec.model;

import java.util.List;

/**
 * AS4_PATH, type 17, optional transitive (RFC 6793 §3): the 4-octet AS path sent next to a
 * 2-octet AS_PATH on sessions without 4-octet AS support. Decoded UPDATEs never contain it: the
 * codec merges it into {@link AsPath} (RFC 6793 §4.2.3).
 *
 * @param segments path segments; confederation segment types are not allowed (RFC 6793 §3)
 */
public record As4Path(List<AsPathSegment> segments) implements PathAttribute {

    public As4Path {
        segments = List.copyOf(segments);
        if (segments.stream().anyMatch(segment -> segment.type().isConfederation())) {
            throw new IllegalArgumentException("AS4_PATH must not carry confederation segments: " + segments);
        }
    }
}
