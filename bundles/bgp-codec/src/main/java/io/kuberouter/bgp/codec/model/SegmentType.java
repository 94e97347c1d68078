package io.kuberouter.bgp.codec.model;

import java.util.Arrays;
import java.util.Optional;

/** Path segment types of AS_PATH and AS4_PATH (RFC 4271 §4.3, RFC 5065 §3). */
public enum SegmentType {
    /** Unordered set of ASes the route traversed; counts as one AS (RFC 4271 §9.1.2.2). */
    AS_SET(1),
    /** Ordered ASes the route traversed. */
    AS_SEQUENCE(2),
    /** Ordered member ASes of the local confederation; not counted in path length (RFC 5065). */
    AS_CONFED_SEQUENCE(3),
    /** Unordered member ASes of the local confederation; not counted in path length. */
    AS_CONFED_SET(4);

    private final int code;

    SegmentType(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** True for the confederation segment types. */
    public boolean isConfederation() {
        return this == AS_CONFED_SEQUENCE || this == AS_CONFED_SET;
    }

    /** True for the set types, which count as one AS whatever their size. */
    public boolean isSet() {
        return this == AS_SET || this == AS_CONFED_SET;
    }

    /** The type with wire value {@code code}; empty for undefined values. */
    public static Optional<SegmentType> fromCode(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }
}
