package io.kuberouter.router.build;

import io.kuberouter.bgp.codec.model.IpPrefix;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Comparator;

/** Helpers for BGP prefixes. */
public final class Prefixes {

    /** IPv4 before IPv6, then by address bytes, then by length. */
    public static final Comparator<IpPrefix> ORDER = Comparator.<IpPrefix>comparingInt(p -> p.isIpv4() ? 0 : 1)
            .thenComparing(p -> p.address().getAddress(), Arrays::compareUnsigned)
            .thenComparingInt(IpPrefix::length);

    private Prefixes() {
    }

    /** The /32 or /128 of {@code address}. */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, address instanceof Inet4Address ? 32 : 128);
    }

    /** True when {@code address} lies in {@code prefix}. */
    public static boolean contains(IpPrefix prefix, InetAddress address) {
        if (prefix.address().getAddress().length != address.getAddress().length) {
            return false;
        }
        return new IpPrefix(address, prefix.length()).equals(prefix);
    }
}
