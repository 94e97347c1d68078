package io.kuberouter.api.cluster;

import java.util.List;
import java.util.Objects;

/**
 * A {@code networking.k8s.io/v1} NetworkPolicy as written; the firewall applies the API's
 * defaulting rules (see {@link #affectsIngress()} and {@link #affectsEgress()}).
 *
 * @param policyTypes {@code spec.policyTypes} as written, possibly empty
 */
public record NetworkPolicy(
        ObjectKey key,
        LabelSelector podSelector,
        List<PolicyType> policyTypes,
        List<Rule> ingress,
        List<Rule> egress) implements ClusterObject {

    /** {@code spec.policyTypes} values. */
    public enum PolicyType { INGRESS, EGRESS }

    public NetworkPolicy {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(podSelector, "podSelector");
        policyTypes = List.copyOf(policyTypes);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.NETWORK_POLICY;
    }

    /** Ingress is affected when listed, or, with no types listed, always (API defaulting). */
    public boolean affectsIngress() {
        return policyTypes.isEmpty() || policyTypes.contains(PolicyType.INGRESS);
    }

    /** Egress is affected when listed, or, with no types listed, when egress rules exist. */
    public boolean affectsEgress() {
        return policyTypes.isEmpty() ? !egress.isEmpty() : policyTypes.contains(PolicyType.EGRESS);
    }

    /**
     * One ingress or egress rule. Empty {@code peers} means every peer; empty {@code ports} means
     * every port.
     */
    public record Rule(List<Peer> peers, List<Port> ports) {
        public Rule {
            peers = List.copyOf(peers);
            ports = List.copyOf(ports);
        }
    }

    /**
     * A peer: a pod selector and/or a namespace selector (both means AND), or an IP block.
     * Absent selectors are {@code null}.
     */
    public record Peer(LabelSelector podSelector, LabelSelector namespaceSelector, IpBlock ipBlock) {
    }

    /** {@code ipBlock}: a CIDR minus the {@code except} CIDRs. */
    public record IpBlock(String cidr, List<String> except) {
        public IpBlock {
            Objects.requireNonNull(cidr, "cidr");
            except = List.copyOf(except);
        }
    }

    /**
     * A port rule.
     *
     * @param port a number or a named port, {@code null} for every port of the protocol
     * @param endPort last port of a range, 0 when no range
     */
    public record Port(Protocol protocol, String port, int endPort) {
        public Port {
            Objects.requireNonNull(protocol, "protocol");
        }
    }
}
