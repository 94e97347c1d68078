package io.kuberouter.launcher.flags;

import java.math.BigInteger;

/**
 * A CIDR block read with Go's {@code net.ParseCIDR}: the address is masked to its network, so
 * {@code 10.96.1.5/12} becomes {@code 10.96.0.0/12}; {@link #toString()} is the canonical form.
 *
 * @param network the address with host bits cleared
 * @param prefixLength 0-32 for an IPv4 literal, 0-128 otherwise
 */
public record Cidr(IpAddress network, int prefixLength) {

    /**
     * Parses {@code address/prefix}; the prefix is decimal digits (leading zeros allowed, as in Go).
     *
     * @throws IllegalArgumentException with Go's message {@code invalid CIDR address: <text>}
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        IpAddress address = slash < 0 ? null : IpAddress.parse(text.substring(0, slash)).orElse(null);
        String prefix = slash < 0 ? "" : text.substring(slash + 1);
        if (address == null || !isDecimal(prefix)) {
            throw invalid(text);
        }
        byte[] bytes = address.bytes();
        if (new BigInteger(prefix).compareTo(BigInteger.valueOf(8L * bytes.length)) > 0) {
            throw invalid(text);
        }
        int length = Integer.parseInt(prefix);
        for (int bit = length; bit < 8 * bytes.length; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new Cidr(new IpAddress(bytes), length);
    }

    /** The family as Go's {@code ip.To4() != nil} decides it. */
    public boolean isIpv4() {
        return network.isIpv4();
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }

    private static boolean isDecimal(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid CIDR address: " + text);
    }
}
