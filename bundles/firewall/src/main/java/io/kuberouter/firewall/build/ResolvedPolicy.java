package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.Pod;
import java.util.List;

/**
 * A policy evaluated against the cluster, upstream's {@code networkPolicyInfo}.
 *
 * @param targets the actionable pods its pod selector selects in its namespace
 * @param ingressRules the ingress rules when the policy affects ingress, else empty
 * @param egressRules the egress rules when the policy affects egress, else empty
 */
record ResolvedPolicy(NetworkPolicy policy, List<Pod> targets, List<ResolvedRule> ingressRules,
        List<ResolvedRule> egressRules) {

    ResolvedPolicy {
        targets = List.copyOf(targets);
        ingressRules = List.copyOf(ingressRules);
        egressRules = List.copyOf(egressRules);
    }

    String namespace() {
        return policy.key().namespace();
    }

    String name() {
        return policy.key().name();
    }

    /** API defaulting: listed types, or Ingress (plus Egress when it has egress rules) when none are listed. */
    boolean ingress() {
        return policy.affectsIngress();
    }

    boolean egress() {
        return policy.affectsEgress();
    }
}
