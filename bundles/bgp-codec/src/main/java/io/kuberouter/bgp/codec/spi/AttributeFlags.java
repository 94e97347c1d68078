package io.kuberouter.bgp.codec.spi;

/** Bits of the Attribute Flags octet (RFC 4271 §4.3). */
public final class AttributeFlags {

    /** Optional (1) or well-known (0). */
    public static final int OPTIONAL = 0x80;

    /** Transitive (1) or non-transitive (0); always 1 for well-known attributes. */
    public static final int TRANSITIVE = 0x40;

    /** Some speaker on the path did not recognise this optional transitive attribute. */
    public static final int PARTIAL = 0x20;

    /** The Attribute Length field is two octets instead of one. */
    public static final int EXTENDED_LENGTH = 0x10;

    /** Flags of well-known attributes. */
    public static final int WELL_KNOWN = TRANSITIVE;

    /** Flags of optional transitive attributes. */
    public static final int OPTIONAL_TRANSITIVE = OPTIONAL | TRANSITIVE;

    /** Flags of optional non-transitive attributes. */
    public static final int OPTIONAL_NON_TRANSITIVE = OPTIONAL;

    /** The bits RFC 7606 §3 c checks against an attribute's definition. */
    public static final int CATEGORY = OPTIONAL | TRANSITIVE;

    private AttributeFlags() {
    }
}
