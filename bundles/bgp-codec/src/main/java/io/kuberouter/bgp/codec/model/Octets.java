package io.kuberouter.bgp.codec.model;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable octet string compared by content: opaque attribute and capability values and
 * NOTIFICATION data.
 */
public final class Octets {

    /** The empty octet string. */
    public static final Octets EMPTY = new Octets(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Octets of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
    }

    /** Parses lower- or upper-case hex digits without separators. */
    public static Octets fromHex(String hex) {
        return of(HEX.parseHex(hex));
    }

    /** A copy of the octets. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Lower-case hex digits without separators. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Octets octets && Arrays.equals(bytes, octets.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
