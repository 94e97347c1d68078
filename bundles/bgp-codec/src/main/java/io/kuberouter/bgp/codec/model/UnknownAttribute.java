package io.kuberouter.bgp.codec.model;

import java.util.Objects;

/**
 * An optional transitive attribute without a registered parser, kept for propagation (RFC 4271
 * §5): the codec re-encodes it with the Partial bit set. Unknown optional non-transitive
 * attributes are dropped on decoding and never appear here.
 *
 * @param flags the Optional, Transitive and Partial bits as received (0x80, 0x40, 0x20)
 * @param typeCode attribute type code, 8 bits
 * @param value attribute value, at most 65535 octets
 */
public record UnknownAttribute(int flags, int typeCode, Octets value) implements PathAttribute {

    /** The Optional, Transitive and Partial bits (RFC 4271 §4.3). */
    public static final int KEPT_FLAGS = 0xE0;

    public UnknownAttribute {
        if ((flags & ~KEPT_FLAGS) != 0) {
            throw new IllegalArgumentException(
                    "flags beyond Optional/Transitive/Partial: 0x" + Integer.toHexString(flags));
        }
        Unsigned.u8("typeCode", typeCode);
        Objects.requireNonNull(value, "value");
        Unsigned.u16("value length", value.length());
    }
}
