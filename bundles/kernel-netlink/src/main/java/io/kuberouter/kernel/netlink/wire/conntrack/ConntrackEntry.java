package io.kuberouter.kernel.netlink.wire.conntrack;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A connection tracking entry as far as deleting it needs: its two tuples and its zone.
 *
 * @param zone conntrack zone, 0 = default
 */
public record ConntrackEntry(AddressFamily family, Tuple original, Tuple reply, int zone) {

    public ConntrackEntry {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(reply, "reply");
    }

    /**
     * One direction of a connection.
     *
     * @param protocol IANA protocol number
     * @param hasPorts the protocol has ports (TCP, UDP, SCTP...); if false both ports are 0
     */
    public record Tuple(int protocol, InetAddress source, InetAddress destination, int sourcePort,
            int destinationPort, boolean hasPorts) {

        public Tuple {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public String toString() {
            return "proto " + protocol + " " + IpPrefix.text(source) + ":" + sourcePort + " -> "
                    + IpPrefix.text(destination) + ":" + destinationPort;
        }
    }

    @Override
    public String toString() {
        return original.toString() + (zone == 0 ? "" : " zone " + zone);
    }
}
