package io.kuberouter.api.firewall;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.Objects;

/**
 * A NetworkPolicy that selects a pod in one direction (its rules are in the policy chains of
 * {@link PodFirewall#chains()}).
 *
 * @param policy the NetworkPolicy
 * @param ingress true for traffic to the pod ({@code policyTypes: Ingress}), false for traffic from it
 */
public record SelectingPolicy(ObjectKey policy, boolean ingress) {

    public SelectingPolicy {
        Objects.requireNonNull(policy, "policy");
    }

    /** {@code ingress} or {@code egress}. */
    public String direction() {
        return ingress ? "ingress" : "egress";
    }
}
