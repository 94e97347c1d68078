package io.kuberouter.bgp.codec.spi;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.IpPrefix;

/**
 * The compact prefix encoding of NLRI and Withdrawn Routes (RFC 4271 §4.3, RFC 4760 §5): a length
 * octet in bits, then the fewest octets that hold that many bits.
 */
public final class PrefixEncoding {

    /** Octets of an IPv4 address. */
    public static final int IPV4_OCTETS = 4;

    /** Octets of an IPv6 address. */
    public static final int IPV6_OCTETS = 16;

    private PrefixEncoding() {
    }

    /**
     * Reads prefixes until {@code in} is exhausted.
     *
     * @param addressOctets 4 for IPv4, 16 for IPv6
     * @throws NlriException when a length exceeds the address size or a prefix is truncated
     */
    public static List<IpPrefix> readAll(ByteBuf in, int addressOctets) throws NlriException {
        List<IpPrefix> prefixes = new ArrayList<>();
        while (in.isReadable()) {
            prefixes.add(read(in, addressOctets));
        }
        return prefixes;
    }

    /**
     * Reads one prefix.
     *
     * @throws NlriException when the length exceeds the address size or the prefix is truncated
     */
    public static IpPrefix read(ByteBuf in, int addressOctets) throws NlriException {
        int length = in.readUnsignedByte();
        if (length > addressOctets * 8) {
            throw new NlriException("prefix length " + length + " exceeds " + addressOctets * 8 + " bits");
        }
        int octets = octetsFor(length);
        if (in.readableBytes() < octets) {
            throw new NlriException(
                    "prefix /" + length + " needs " + octets + " octets, " + in.readableBytes() + " left");
        }
        byte[] address = new byte[addressOctets];
        in.readBytes(address, 0, octets);
        return new IpPrefix(IpPrefix.addressOf(address), length);
    }

    /** Writes {@code prefixes} in order. */
    public static void writeAll(List<IpPrefix> prefixes, ByteBuf out) {
        prefixes.forEach(prefix -> write(prefix, out));
    }

    /** Writes one prefix. */
    public static void write(IpPrefix prefix, ByteBuf out) {
        out.writeByte(prefix.length());
        out.writeBytes(prefix.address().getAddress(), 0, octetsFor(prefix.length()));
    }

    /** Rejects prefixes of the wrong address family. */
    public static void requireFamily(List<IpPrefix> prefixes, boolean ipv4) {
        prefixes.stream().filter(prefix -> prefix.isIpv4() != ipv4).findFirst().ifPresent(prefix -> {
            throw new IllegalArgumentException("prefix " + prefix + " is not " + (ipv4 ? "IPv4" : "IPv6"));
        });
    }

    private static int octetsFor(int lengthInBits) {
        return (lengthInBits + 7) / 8;
    }
}
