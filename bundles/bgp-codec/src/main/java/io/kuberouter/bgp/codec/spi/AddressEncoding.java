package io.kuberouter.bgp.codec.spi;

import java.net.Inet4Address;
import java.net.InetAddress;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.IpPrefix;

/** Fixed-size IPv4 and IPv6 address fields (BGP Identifier, NEXT_HOP, next hops of RFC 4760). */
public final class AddressEncoding {

    private AddressEncoding() {
    }

    /** Reads four octets as an IPv4 address. */
    public static Inet4Address readIpv4(ByteBuf in) {
        return (Inet4Address) read(in, PrefixEncoding.IPV4_OCTETS);
    }

    /** Reads sixteen octets as an IPv6 address (IPv4-mapped addresses stay IPv6). */
    public static InetAddress readIpv6(ByteBuf in) {
        return read(in, PrefixEncoding.IPV6_OCTETS);
    }

    /** Writes the 4 or 16 octets of {@code address}. */
    public static void write(InetAddress address, ByteBuf out) {
        out.writeBytes(address.getAddress());
    }

    private static InetAddress read(ByteBuf in, int octets) {
        byte[] bytes = new byte[octets];
        in.readBytes(bytes);
        return IpPrefix.addressOf(bytes);
    }
}
