package io.kuberouter.bgp.codec.model;

import java.util.Objects;

/**
 * A capability without a registered parser, kept opaque so that the OPEN re-encodes unchanged
 * (RFC 5492 §3: unknown capabilities are ignored, not refused).
 *
 * @param code capability code, 8 bits
 * @param value capability value, at most 255 octets
 */
public record UnknownCapability(int code, Octets value) implements Capability {

    public UnknownCapability {
        Unsigned.u8("code", code);
        Objects.requireNonNull(value, "value");
        Unsigned.u8("value length", value.length());
    }
}
