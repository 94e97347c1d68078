package io.kuberouter.bgp.speaker.impl.transport;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;

/** Socket options BGP needs that Netty has no constant for. */
public final class SocketOptions {

    /** {@code setsockopt(IPPROTO_IP, IP_TTL)}: the TTL of outgoing IPv4 packets. */
    static final ChannelOption<Integer> IP_TTL = new IntegerUnixChannelOption("IP_TTL", 0, 2);

    /** {@code setsockopt(IPPROTO_IPV6, IPV6_UNICAST_HOPS)}: the hop limit of outgoing IPv6 packets. */
    static final ChannelOption<Integer> IPV6_UNICAST_HOPS = new IntegerUnixChannelOption("IPV6_UNICAST_HOPS", 41, 16);

    private SocketOptions() {
    }

    /** The option setting the TTL (IPv4) or hop limit (IPv6) towards {@code peer}. */
    static ChannelOption<Integer> ttlOption(InetAddress peer) {
        return peer.getAddress().length == 4 ? IP_TTL : IPV6_UNICAST_HOPS;
    }

    /** Sets the TTL of an open channel to {@code peer}. */
    public static void setTtl(Channel channel, InetAddress peer, int ttl) {
        channel.config().setOption(ttlOption(peer), ttl);
    }

    /** The TCP MD5 key of a password: its UTF-8 octets (RFC 2385 §2, as GoBGP and BIRD use it). */
    public static byte[] md5Key(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
