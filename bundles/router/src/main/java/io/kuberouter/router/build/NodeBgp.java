package io.kuberouter.router.build;

import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.AsPathPrepend;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The BGP settings a Node's annotations give it (behaviour reference §2.2).
 *
 * @param asn {@code kube-router.io/node.asn}
 * @param rrServer {@code kube-router.io/rr.server}: the cluster id when the node is a route reflector
 * @param rrClient {@code kube-router.io/rr.client}: the cluster id when the node is a route-reflector client
 * @param peers external peers from {@code kube-router.io/peers} or the older {@code peer.*} annotations
 * @param localAddresses {@code kube-router.io/bgp-local-addresses}
 * @param prepend {@code kube-router.io/path-prepend.as} and {@code .repeat-n}
 * @param communities {@code kube-router.io/node.bgp.communities}
 * @param importReject {@code kube-router.io/node.bgp.customimportreject}
 */
public record NodeBgp(OptionalLong asn, Optional<String> rrServer, Optional<String> rrClient, List<ExternalPeer> peers,
        List<InetAddress> localAddresses, Optional<AsPathPrepend> prepend, List<Community> communities,
        List<IpPrefix> importReject) {

    /** No annotation. */
    public static final NodeBgp NONE = new NodeBgp(OptionalLong.empty(), Optional.empty(), Optional.empty(),
            List.of(), List.of(), Optional.empty(), List.of(), List.of());

    public NodeBgp {
        Objects.requireNonNull(asn, "asn");
        Objects.requireNonNull(rrServer, "rrServer");
        Objects.requireNonNull(rrClient, "rrClient");
        peers = List.copyOf(peers);
        localAddresses = List.copyOf(localAddresses);
        Objects.requireNonNull(prepend, "prepend");
        communities = List.copyOf(communities);
        importReject = List.copyOf(importReject);
    }
}
