package io.kuberouter.bgp.speaker.policy;

import java.util.List;
import java.util.Objects;

/**
 * The policies applied in one direction (import or export), for every peer.
 *
 * @param policies names of the policies, evaluated in order
 * @param defaultAction {@code ACCEPT} or {@code REJECT}, for routes no statement decided
 */
public record PolicyAssignment(List<String> policies, RouteDisposition defaultAction) {

    /** No policy, accept everything. */
    public static final PolicyAssignment ACCEPT_ALL = new PolicyAssignment(List.of(), RouteDisposition.ACCEPT);

    public PolicyAssignment {
        policies = List.copyOf(policies);
        Objects.requireNonNull(defaultAction, "defaultAction");
        if (defaultAction == RouteDisposition.NONE) {
            throw new IllegalArgumentException("default action must be ACCEPT or REJECT");
        }
    }
}
