package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a policy against the cluster, upstream's {@code buildNetworkPoliciesInfo}: its target pods, and per
 * rule the peer pods, ipBlocks and ports. Named ports of ingress rules resolve through the target pods; of egress
 * rules through the peer pods, or through every pod of the policy's namespace when the rule has no peers (as
 * upstream). Pods are compared by identity: they all come from one snapshot.
 */
final class PolicyResolver {

    private final ClusterIndex index;
    private final Problems problems;

    PolicyResolver(ClusterIndex index, Problems problems) {
        this.index = index;
        this.problems = problems;
    }

    ResolvedPolicy resolve(NetworkPolicy policy) {
        String ns = policy.key().namespace();
        List<Pod> targets = index.select(ns, policy.podSelector());
        List<ResolvedRule> ingress = new ArrayList<>();
        List<ResolvedRule> egress = new ArrayList<>();
        if (policy.affectsIngress()) {
            for (int i = 0; i < policy.ingress().size(); i++) {
                ingress.add(rule(policy, "ingress", i, policy.ingress().get(i), targets));
            }
        }
        if (policy.affectsEgress()) {
            for (int i = 0; i < policy.egress().size(); i++) {
                egress.add(rule(policy, "egress", i, policy.egress().get(i), null));
            }
        }
        return new ResolvedPolicy(policy, targets, ingress, egress);
    }

    /** The pods of every peer, each once; one peer's list is used as it is. */
    private List<Pod> peerPods(String namespace, List<NetworkPolicy.Peer> peers) {
        if (peers.size() == 1) {
            return index.peerPods(namespace, peers.get(0));
        }
        Set<Pod> pods = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Pod> out = new ArrayList<>();
        peers.forEach(peer -> index.peerPods(namespace, peer).stream().filter(pods::add).forEach(out::add));
        return out;
    }

    /**
     * @param namedPortPods pods whose container ports resolve named ports; {@code null} for egress (peer pods,
     *        or every pod of the namespace when the rule has no peers)
     */
    private ResolvedRule rule(NetworkPolicy policy, String direction, int i, NetworkPolicy.Rule rule,
            List<Pod> namedPortPods) {
        ObjectKey key = policy.key();
        String where = direction + " rule " + i;
        Map<IpFamily, List<String>> blocks = new EnumMap<>(IpFamily.class);
        for (NetworkPolicy.Peer peer : rule.peers()) {
            if (peer.podSelector() == null && peer.namespaceSelector() == null && peer.ipBlock() != null) {
                IpBlocks.entries(peer.ipBlock(), key, where, problems)
                        .forEach((family, e) -> blocks.computeIfAbsent(family, f -> new ArrayList<>()).addAll(e));
            }
        }
        List<Pod> peerPods = peerPods(key.namespace(), rule.peers());
        List<Pod> portPods = namedPortPods != null ? namedPortPods
                : rule.peers().isEmpty() ? index.podsIn(key.namespace()) : peerPods;
        PortResolver ports = new PortResolver(key, problems);
        return new ResolvedRule(i, rule.peers().isEmpty(), peerPods, blocks, rule.ports().isEmpty(),
                ports.numeric(rule.ports(), where), ports.named(rule.ports(), portPods, where));
    }
}
