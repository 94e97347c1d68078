package io.kuberouter.bgp.speaker.impl.rib;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import io.kuberouter.bgp.codec.model.IpPrefix;

/** Next hops and BGP identifiers as octets and numbers. */
public final class NextHops {

    private NextHops() {
    }

    /** The octets of one or two next hop addresses (RFC 2545 §3: global, then link-local). */
    public static byte[] octets(List<InetAddress> addresses) {
        if (addresses.size() == 1) {
            return addresses.get(0).getAddress();
        }
        byte[] global = addresses.get(0).getAddress();
        byte[] linkLocal = addresses.get(1).getAddress();
        byte[] both = Arrays.copyOf(global, global.length + linkLocal.length);
        System.arraycopy(linkLocal, 0, both, global.length, linkLocal.length);
        return both;
    }

    /** The addresses of next hop octets. */
    public static List<InetAddress> addresses(byte[] octets) {
        if (octets.length <= 16) {
            return List.of(IpPrefix.addressOf(octets));
        }
        return List.of(IpPrefix.addressOf(Arrays.copyOf(octets, 16)),
                IpPrefix.addressOf(Arrays.copyOfRange(octets, 16, 32)));
    }

    /** The first (global) next hop of next hop octets. */
    public static InetAddress address(byte[] octets) {
        return IpPrefix.addressOf(octets.length <= 16 ? octets : Arrays.copyOf(octets, 16));
    }

    /** An IPv4 address as an unsigned 32-bit number, how RFC 4271 §9.1.2.2 f compares identifiers. */
    public static long unsigned(Inet4Address address) {
        byte[] bytes = address.getAddress();
        return ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
    }
}
