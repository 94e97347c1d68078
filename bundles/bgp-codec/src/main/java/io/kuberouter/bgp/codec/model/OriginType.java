package io.kuberouter.bgp.codec.model;

import java.util.Optional;

/** The values of ORIGIN (RFC 4271 §4.3, "ORIGIN (Type Code 1)"). */
public enum OriginType {
    /** NLRI is interior to the originating AS. */
    IGP(0),
    /** NLRI learned via the EGP protocol. */
    EGP(1),
    /** NLRI learned by some other means. */
    INCOMPLETE(2);

    private final int code;

    OriginType(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** The type with wire value {@code code}; empty for undefined values. */
    public static Optional<OriginType> fromCode(int code) {
        return code >= 0 && code < values().length ? Optional.of(values()[code]) : Optional.empty();
    }
}
