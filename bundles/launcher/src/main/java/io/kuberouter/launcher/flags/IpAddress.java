package io.kuberouter.launcher.flags;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IP address literal with Go's {@code net.ParseIP} rules (strict dotted quad without leading zeros, RFC 4291
 * IPv6 text, no zone) and Go's {@code net.IP.String} rendering (RFC 5952 for IPv6; IPv4 and IPv4-mapped IPv6 as a
 * dotted quad). Never resolves names.
 *
 * @param bytes 4 bytes for an IPv4 literal, 16 for an IPv6 literal (defensively copied)
 */
public record IpAddress(byte[] bytes) {

    public IpAddress {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses a literal; empty when Go's {@code net.ParseIP} would return nil. */
    public static Optional<IpAddress> parse(String text) {
        byte[] parsed = text.indexOf(':') >= 0 ? Ipv6Text.parse(text) : parseIpv4(text);
        return Optional.ofNullable(parsed).map(IpAddress::new);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Go's {@code To4() != nil}: an IPv4 literal or an IPv4-mapped IPv6 address. */
    public boolean isIpv4() {
        return bytes.length == 4 || isIpv4Mapped();
    }

    @Override
    public String toString() {
        if (bytes.length == 4) {
            return dottedQuad(0);
        }
        return isIpv4Mapped() ? dottedQuad(12) : Ipv6Text.format(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress address && Arrays.equals(bytes, address.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Strict dotted quad: four decimal fields 0-255, no empty field, no leading zero. Null when malformed. */
    static byte[] parseIpv4(String text) {
        String[] fields = text.split("\\.", -1);
        if (fields.length != 4) {
            return null;
        }
        byte[] result = new byte[4];
        for (int i = 0; i < 4; i++) {
            String field = fields[i];
            boolean digitsOnly = !field.isEmpty() && field.length() <= 3 && field.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digitsOnly || field.length() > 1 && field.charAt(0) == '0' || Integer.parseInt(field) > 255) {
                return null;
            }
            result[i] = (byte) Integer.parseInt(field);
        }
        return result;
    }

    private boolean isIpv4Mapped() {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private String dottedQuad(int offset) {
        return (bytes[offset] & 0xff) + "." + (bytes[offset + 1] & 0xff) + "."
                + (bytes[offset + 2] & 0xff) + "." + (bytes[offset + 3] & 0xff);
    }
}
