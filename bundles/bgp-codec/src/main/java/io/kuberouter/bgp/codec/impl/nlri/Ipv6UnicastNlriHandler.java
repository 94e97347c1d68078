package io.kuberouter.bgp.codec.impl.nlri;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.spi.AddressEncoding;
import io.kuberouter.bgp.codec.spi.NlriException;
import io.kuberouter.bgp.codec.spi.NlriParser;
import io.kuberouter.bgp.codec.spi.NlriSerializer;
import io.kuberouter.bgp.codec.spi.PrefixEncoding;

/**
 * IPv6 unicast (RFC 2545 §2, §3): a next hop of 16 octets (global address) or 32 octets (global
 * and link-local address), and compact IPv6 prefixes.
 */
public final class Ipv6UnicastNlriHandler implements NlriParser, NlriSerializer {

    private static final int MAX_NEXT_HOPS = 2;

    @Override
    public List<InetAddress> parseNextHops(ByteBuf nextHop) throws NlriException {
        int length = nextHop.readableBytes();
        if (length != PrefixEncoding.IPV6_OCTETS && length != MAX_NEXT_HOPS * PrefixEncoding.IPV6_OCTETS) {
            throw new NlriException("IPv6 next hop must have 16 or 32 octets, not " + length);
        }
        List<InetAddress> nextHops = new ArrayList<>(MAX_NEXT_HOPS);
        while (nextHop.isReadable()) {
            nextHops.add(AddressEncoding.readIpv6(nextHop));
        }
        return nextHops;
    }

    @Override
    public List<IpPrefix> parsePrefixes(ByteBuf nlri, PeerConstraints peer) throws NlriException {
        return PrefixEncoding.readAll(nlri, PrefixEncoding.IPV6_OCTETS);
    }

    @Override
    public void serializeNextHops(List<InetAddress> nextHops, ByteBuf out) {
        boolean allIpv6 = nextHops.stream().allMatch(Inet6Address.class::isInstance);
        if (nextHops.isEmpty() || nextHops.size() > MAX_NEXT_HOPS || !allIpv6) {
            throw new IllegalArgumentException("IPv6 unicast needs one or two IPv6 next hops: " + nextHops);
        }
        nextHops.forEach(address -> AddressEncoding.write(address, out));
    }

    @Override
    public void serializePrefixes(List<IpPrefix> prefixes, PeerConstraints peer, ByteBuf out) {
        PrefixEncoding.requireFamily(prefixes, false);
        PrefixEncoding.writeAll(prefixes, out);
    }
}
