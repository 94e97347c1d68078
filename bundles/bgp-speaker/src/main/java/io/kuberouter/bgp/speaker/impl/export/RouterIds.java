package io.kuberouter.bgp.speaker.impl.export;

import java.net.Inet4Address;

import io.kuberouter.bgp.codec.model.IpPrefix;

/** BGP Identifiers between their number and address forms. */
final class RouterIds {

    private RouterIds() {
    }

    static Inet4Address address(long id) {
        byte[] bytes = {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
        return (Inet4Address) IpPrefix.addressOf(bytes);
    }
}
