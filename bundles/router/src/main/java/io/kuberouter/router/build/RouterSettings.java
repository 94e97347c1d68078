package io.kuberouter.router.build;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The router's settings, from its configuration (kube-router's flags, behaviour reference §1.4).
 *
 * @param clusterAsn the ASN of every node in full mesh ({@code --cluster-asn}, 0 meaning 64512)
 * @param routerId {@code --router-id}: empty, {@code generate} or an IPv4 address
 * @param globalPeers {@code --peer-router-*}: when not empty, node peer annotations are not read
 * @param multihopTtl {@code --peer-router-multihop-ttl}, applied to external peers when 2 or more
 * @param holdTime {@code --bgp-holdtime} of external peers
 */
public record RouterSettings(boolean enableIbgp, boolean fullMesh, long clusterAsn, String routerId, int bgpPort,
        Duration holdTime, boolean gracefulRestart, List<ExternalPeer> globalPeers, int multihopTtl,
        boolean overrideNextHop, boolean advertiseClusterIp, boolean advertiseExternalIp,
        boolean advertiseLoadBalancerIp, boolean advertisePodCidr, boolean enableOverlay, boolean fullOverlay) {

    /** kube-router's default cluster ASN. */
    public static final long DEFAULT_CLUSTER_ASN = 64512;

    public RouterSettings {
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(holdTime, "holdTime");
        globalPeers = List.copyOf(globalPeers);
    }

    /** The ASN nodes use in full mesh. */
    public long effectiveClusterAsn() {
        return clusterAsn == 0 ? DEFAULT_CLUSTER_ASN : clusterAsn;
    }

    /** The defaults of kube-router v2.11, for tests. */
    public static RouterSettings defaults() {
        return new RouterSettings(true, true, 0, "", 179, Duration.ofSeconds(90), false, List.of(), 0, false, false,
                false, false, true, true, false);
    }

    public RouterSettings withGlobalPeers(List<ExternalPeer> peers) {
        return new RouterSettings(enableIbgp, fullMesh, clusterAsn, routerId, bgpPort, holdTime, gracefulRestart,
                peers, multihopTtl, overrideNextHop, advertiseClusterIp, advertiseExternalIp, advertiseLoadBalancerIp,
                advertisePodCidr, enableOverlay, fullOverlay);
    }

    public RouterSettings withAdvertise(boolean clusterIp, boolean externalIp, boolean loadBalancerIp) {
        return new RouterSettings(enableIbgp, fullMesh, clusterAsn, routerId, bgpPort, holdTime, gracefulRestart,
                globalPeers, multihopTtl, overrideNextHop, clusterIp, externalIp, loadBalancerIp, advertisePodCidr,
                enableOverlay, fullOverlay);
    }

    public RouterSettings withOverlay(boolean enabled, boolean full) {
        return new RouterSettings(enableIbgp, fullMesh, clusterAsn, routerId, bgpPort, holdTime, gracefulRestart,
                globalPeers, multihopTtl, overrideNextHop, advertiseClusterIp, advertiseExternalIp,
                advertiseLoadBalancerIp, advertisePodCidr, enabled, full);
    }

    public RouterSettings withMesh(boolean ibgp, boolean full, boolean nextHopSelf) {
        return new RouterSettings(ibgp, full, clusterAsn, routerId, bgpPort, holdTime, gracefulRestart,
                globalPeers, multihopTtl, nextHopSelf, advertiseClusterIp, advertiseExternalIp,
                advertiseLoadBalancerIp, advertisePodCidr, enableOverlay, fullOverlay);
    }
}
