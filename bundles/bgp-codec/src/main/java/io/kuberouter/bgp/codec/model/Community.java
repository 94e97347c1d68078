package io.kuberouter.bgp.codec.model;

/**
 * A community (RFC 1997): 32 bits, by convention an AS number and a value of 16 bits each.
 *
 * @param asNumber high-order 16 bits
 * @param value low-order 16 bits
 */
public record Community(int asNumber, int value) {

    /** NO_EXPORT (RFC 1997): do not advertise outside the AS or confederation. */
    public static final Community NO_EXPORT = new Community(0xFFFF, 0xFF01);

    /** NO_ADVERTISE (RFC 1997): do not advertise to any peer. */
    public static final Community NO_ADVERTISE = new Community(0xFFFF, 0xFF02);

    /** NO_EXPORT_SUBCONFED (RFC 1997): do not advertise to external peers. */
    public static final Community NO_EXPORT_SUBCONFED = new Community(0xFFFF, 0xFF03);

    public Community {
        Unsigned.u16("asNumber", asNumber);
        Unsigned.u16("value", value);
    }

    /** The community from its 32-bit wire value. */
    public static Community fromBits(int bits) {
        return new Community(bits >>> 16, bits & 0xFFFF);
    }

    /** The 32-bit wire value. */
    public int toBits() {
        return asNumber << 16 | value;
    }

    @Override
    public String toString() {
        return asNumber + ":" + value;
    }
}
