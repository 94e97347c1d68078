package io.kuberouter.bgp.codec;

import java.net.Inet4Address;
import java.net.InetAddress;

import io.kuberouter.bgp.codec.model.IpPrefix;

/** Literal addresses for tests, parsed without name lookups. */
public final class Addresses {

    private Addresses() {
    }

    public static Inet4Address ipv4(String literal) {
        return (Inet4Address) IpPrefix.parse(literal + "/32").address();
    }

    public static InetAddress ipv6(String literal) {
        return IpPrefix.parse(literal + "/128").address();
    }
}
