package io.kuberouter.k8s;

import static io.kuberouter.k8s.Lists.map;
import static io.kuberouter.k8s.Lists.orEmpty;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.kuberouter.api.cluster.LabelSelector;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.NetworkPolicy.PolicyType;
import io.kuberouter.api.cluster.Protocol;

/** Converts NetworkPolicies from the fabric8 model into views. */
final class PolicyViews {

    private PolicyViews() {
    }

    /**
     * @throws IllegalArgumentException for a selector operator or policy type the API does not define
     */
    static NetworkPolicy networkPolicy(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy p) {
        NetworkPolicySpec spec = p.getSpec();
        return new NetworkPolicy(ServiceViews.key(p.getMetadata()), selectorOrAll(spec.getPodSelector()),
                map(spec.getPolicyTypes(), PolicyViews::policyType),
                map(spec.getIngress(), r -> new NetworkPolicy.Rule(map(r.getFrom(), PolicyViews::peer),
                        map(r.getPorts(), PolicyViews::port))),
                map(spec.getEgress(), r -> new NetworkPolicy.Rule(map(r.getTo(), PolicyViews::peer),
                        map(r.getPorts(), PolicyViews::port))));
    }

    private static PolicyType policyType(String type) {
        return switch (type) {
            case "Ingress" -> PolicyType.INGRESS;
            case "Egress" -> PolicyType.EGRESS;
            default -> throw new IllegalArgumentException("unknown policy type: " + type);
        };
    }

    private static NetworkPolicy.Peer peer(NetworkPolicyPeer peer) {
        IPBlock block = peer.getIpBlock();
        return new NetworkPolicy.Peer(selector(peer.getPodSelector()), selector(peer.getNamespaceSelector()),
                block == null ? null : new NetworkPolicy.IpBlock(block.getCidr(), orEmpty(block.getExcept())));
    }

    private static NetworkPolicy.Port port(NetworkPolicyPort port) {
        String number = port.getPort() == null ? null : ServiceViews.intOrString(port.getPort());
        return new NetworkPolicy.Port(Protocol.parse(port.getProtocol()), number, Lists.orZero(port.getEndPort()));
    }

    private static LabelSelector selectorOrAll(io.fabric8.kubernetes.api.model.LabelSelector s) {
        return s == null ? LabelSelector.ALL : selector(s);
    }

    /** {@code null} stays {@code null}: an absent selector differs from the empty one. */
    static LabelSelector selector(io.fabric8.kubernetes.api.model.LabelSelector s) {
        if (s == null) {
            return null;
        }
        return new LabelSelector(orEmpty(s.getMatchLabels()), map(s.getMatchExpressions(), PolicyViews::requirement));
    }

    private static LabelSelector.Requirement requirement(LabelSelectorRequirement r) {
        return new LabelSelector.Requirement(r.getKey(), LabelSelector.Operator.parse(r.getOperator()),
                java.util.Set.copyOf(orEmpty(r.getValues())));
    }
}
