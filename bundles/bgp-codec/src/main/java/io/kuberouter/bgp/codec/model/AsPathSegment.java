package io.kuberouter.bgp.codec.model;

import java.util.List;
import java.util.Objects;

/**
 * One path segment of AS_PATH or AS4_PATH (RFC 4271 §4.3): 1 to 255 AS numbers.
 *
 * @param type segment type
 * @param asNumbers the AS numbers, unsigned 32 bits each
 */
public record AsPathSegment(SegmentType type, List<Long> asNumbers) {

    /** Most AS numbers one segment can hold (8-bit segment length). */
    public static final int MAX_LENGTH = 255;

    public AsPathSegment {
        Objects.requireNonNull(type, "type");
        asNumbers = List.copyOf(asNumbers);
        if (asNumbers.isEmpty() || asNumbers.size() > MAX_LENGTH) {
            throw new IllegalArgumentException("segment must hold 1.." + MAX_LENGTH + " AS numbers: " + asNumbers);
        }
        asNumbers.forEach(as -> Unsigned.u32("AS number", as));
    }

    /** An AS_SEQUENCE of {@code asNumbers}. */
    public static AsPathSegment sequence(Long... asNumbers) {
        return new AsPathSegment(SegmentType.AS_SEQUENCE, List.of(asNumbers));
    }

    /**
     * This segment's contribution to the AS path length (RFC 4271 §9.1.2.2 a, RFC 5065 §5.3):
     * a set counts 1, a sequence its size, confederation segments 0.
     */
    public int pathLength() {
        if (type.isConfederation()) {
            return 0;
        }
        return type.isSet() ? 1 : asNumbers.size();
    }
}
