package io.kuberouter.bgp.codec.model;

import java.util.List;

/**
 * AS_PATH, type 2, well-known mandatory (RFC 4271 §5.1.2), always with 4-octet AS numbers. On a
 * session without 4-octet AS support the codec writes AS_TRANS for larger numbers and adds an
 * {@link As4Path}, and merges a received AS4_PATH into this attribute (RFC 6793 §4.2).
 *
 * @param segments path segments, leftmost (most recently traversed) first; empty for routes
 *     originated in the local AS
 */
public record AsPath(List<AsPathSegment> segments) implements PathAttribute {

    /** The path of a locally originated route, advertised to internal peers. */
    public static final AsPath EMPTY = new AsPath(List.of());

    public AsPath {
        segments = List.copyOf(segments);
    }

    /** Path length for route selection: the sum of {@link AsPathSegment#pathLength()}. */
    public int pathLength() {
        return segments.stream().mapToInt(AsPathSegment::pathLength).sum();
    }
}
