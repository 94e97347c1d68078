package io.kuberouter.api.firewall;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.List;
import java.util.Objects;

/**
 * The firewall of one local pod.
 *
 * @param pod the pod
 * @param policies the policies selecting the pod, per direction, in the order its chain jumps to them; empty
 *     when none selects it (its traffic then goes to the default chain, kube-router's behaviour)
 * @param chains the pod's chains (one per IP family) followed by the policy chains they jump to, each with its
 *     rules as written ({@code iptables-save} syntax without {@code -A CHAIN})
 */
public record PodFirewall(ObjectKey pod, List<SelectingPolicy> policies, List<FirewallChain> chains) {

    public PodFirewall {
        Objects.requireNonNull(pod, "pod");
        policies = List.copyOf(policies);
        chains = List.copyOf(chains);
    }
}
