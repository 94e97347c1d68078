package io.kuberouter.bgp.codec.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 prefix as carried in NLRI (RFC 4271 §4.3, RFC 4760 §5). Bits beyond
 * {@code length} are cleared on construction, since their value is irrelevant on the wire.
 *
 * @param address the network address: {@link Inet4Address} or {@link Inet6Address}
 * @param length prefix length, 0..32 for IPv4 and 0..128 for IPv6
 */
public record IpPrefix(InetAddress address, int length) {

    public IpPrefix {
        Objects.requireNonNull(address, "address");
        byte[] bytes = address.getAddress();
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length " + length + " invalid for " + address);
        }
        address = addressOf(clearHostBits(bytes, length));
    }

    /**
     * Parses {@code "10.244.1.0/24"} or {@code "fd00::/48"}. Only numeric literals are accepted,
     * so this never performs a name lookup.
     */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        String literal = text.substring(0, Math.max(slash, 0));
        if (slash < 0 || !literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP prefix: " + text);
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && bytes.length == 4) {
                bytes = ipv4Mapped(bytes);
            }
            return new IpPrefix(addressOf(bytes), Integer.parseInt(text.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP prefix: " + text, e);
        }
    }

    /** An address from its 4 or 16 network-order octets; 16 octets always give an IPv6 address. */
    public static InetAddress addressOf(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must have 4 or 16 octets, not " + bytes.length, e);
        }
    }

    /** True for an IPv4 prefix. */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** {@code ::ffff:a.b.c.d}, which the JDK parses to an IPv4 address (RFC 4291 §2.5.5.2). */
    private static byte[] ipv4Mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    private static byte[] clearHostBits(byte[] bytes, int length) {
        for (int bit = length; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return bytes;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
