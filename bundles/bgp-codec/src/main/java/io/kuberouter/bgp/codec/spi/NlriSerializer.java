package io.kuberouter.bgp.codec.spi;

import java.net.InetAddress;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.IpPrefix;

/** Writes next hops and prefixes of one address family (RFC 4760). */
@ConsumerType
public interface NlriSerializer {

    /**
     * Appends the Network Address of Next Hop field without its length octet.
     *
     * @throws IllegalArgumentException if the addresses do not fit the family
     */
    void serializeNextHops(List<InetAddress> nextHops, ByteBuf out);

    /**
     * Appends {@code prefixes}.
     *
     * @throws IllegalArgumentException if a prefix does not belong to the family
     */
    void serializePrefixes(List<IpPrefix> prefixes, PeerConstraints peer, ByteBuf out);
}
