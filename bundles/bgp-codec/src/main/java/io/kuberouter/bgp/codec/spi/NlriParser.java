package io.kuberouter.bgp.codec.spi;

import java.net.InetAddress;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.IpPrefix;

/** Parses next hops and prefixes of one address family in MP_REACH_NLRI / MP_UNREACH_NLRI (RFC 4760). */
@ConsumerType
public interface NlriParser {

    /**
     * Parses the Network Address of Next Hop field, {@code nextHop} holding exactly its octets.
     *
     * @throws NlriException when the length does not fit the family
     */
    List<InetAddress> parseNextHops(ByteBuf nextHop) throws NlriException;

    /**
     * Parses all of {@code nlri} into prefixes.
     *
     * @throws NlriException when a prefix is malformed (RFC 7606 §5.3)
     */
    List<IpPrefix> parsePrefixes(ByteBuf nlri, PeerConstraints peer) throws NlriException;
}
