package io.kuberouter.router.build;

import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.AsPathPrepend;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What kube-router's policies are built from ({@code bgp_policies.go}, behaviour reference §5.5).
 *
 * @param podCidrs this node's pod CIDRs
 * @param vips the service VIPs to advertise
 * @param ibgpPeers the other nodes this node peers with
 * @param externalPeers global or node-specific external peers
 * @param routeReflector this node is a route-reflector server: no policies at all, as upstream
 */
public record PolicyInputs(List<IpPrefix> podCidrs, List<IpPrefix> vips, List<InetAddress> ibgpPeers,
        List<InetAddress> externalPeers, boolean enableIbgp, boolean advertisePodCidr, boolean overrideNextHop,
        Optional<AsPathPrepend> prepend, List<Community> communities, List<IpPrefix> importReject,
        boolean routeReflector) {

    public PolicyInputs {
        podCidrs = List.copyOf(podCidrs);
        vips = List.copyOf(vips);
        ibgpPeers = List.copyOf(ibgpPeers);
        externalPeers = List.copyOf(externalPeers);
        Objects.requireNonNull(prepend, "prepend");
        communities = List.copyOf(communities);
        importReject = List.copyOf(importReject);
    }

}
