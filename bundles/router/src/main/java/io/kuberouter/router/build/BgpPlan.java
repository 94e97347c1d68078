package io.kuberouter.router.build;

import io.kuberouter.bgp.speaker.PeerConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * This node's BGP set-up: its AS, router id, listen addresses and peers.
 *
 * @param routeReflector this node is a route-reflector server ({@code kube-router.io/rr.server})
 */
public record BgpPlan(long asn, Inet4Address routerId, List<InetAddress> listenAddresses, List<PeerConfig> ibgpPeers,
        List<PeerConfig> externalPeers, boolean routeReflector) {

    public BgpPlan {
        Objects.requireNonNull(routerId, "routerId");
        listenAddresses = List.copyOf(listenAddresses);
        ibgpPeers = List.copyOf(ibgpPeers);
        externalPeers = List.copyOf(externalPeers);
    }

    /** Every peer, iBGP first. */
    public List<PeerConfig> allPeers() {
        return java.util.stream.Stream.concat(ibgpPeers.stream(), externalPeers.stream()).toList();
    }
}
