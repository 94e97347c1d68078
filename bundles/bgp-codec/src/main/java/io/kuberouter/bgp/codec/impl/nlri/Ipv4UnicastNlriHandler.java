package io.kuberouter.bgp.codec.impl.nlri;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.spi.AddressEncoding;
import io.kuberouter.bgp.codec.spi.NlriException;
import io.kuberouter.bgp.codec.spi.NlriParser;
import io.kuberouter.bgp.codec.spi.NlriSerializer;
import io.kuberouter.bgp.codec.spi.PrefixEncoding;

/** IPv4 unicast in MP attributes (RFC 4760 §5): a 4-octet next hop and compact IPv4 prefixes. */
public final class Ipv4UnicastNlriHandler implements NlriParser, NlriSerializer {

    @Override
    public List<InetAddress> parseNextHops(ByteBuf nextHop) throws NlriException {
        if (nextHop.readableBytes() != PrefixEncoding.IPV4_OCTETS) {
            throw new NlriException("IPv4 next hop must have 4 octets, not " + nextHop.readableBytes());
        }
        return List.of(AddressEncoding.readIpv4(nextHop));
    }

    @Override
    public List<IpPrefix> parsePrefixes(ByteBuf nlri, PeerConstraints peer) throws NlriException {
        return PrefixEncoding.readAll(nlri, PrefixEncoding.IPV4_OCTETS);
    }

    @Override
    public void serializeNextHops(List<InetAddress> nextHops, ByteBuf out) {
        if (nextHops.size() != 1 || !(nextHops.get(0) instanceof Inet4Address)) {
            throw new IllegalArgumentException("IPv4 unicast needs one IPv4 next hop: " + nextHops);
        }
        AddressEncoding.write(nextHops.get(0), out);
    }

    @Override
    public void serializePrefixes(List<IpPrefix> prefixes, PeerConstraints peer, ByteBuf out) {
        PrefixEncoding.requireFamily(prefixes, true);
        PrefixEncoding.writeAll(prefixes, out);
    }
}
