package io.kuberouter.bgp.speaker.impl.policy;

import java.util.List;

import io.kuberouter.bgp.speaker.policy.Actions;

/**
 * The outcome of a policy for one route: rejected, or accepted with the modifying actions of the
 * statements that matched, in order. Equal verdicts modify routes equally.
 *
 * @param accepted whether the route passes
 * @param modifications actions that change attributes, applied in order; empty when unchanged
 */
public record Verdict(boolean accepted, List<Actions> modifications) {

    /** Accepted without changes. */
    public static final Verdict ACCEPT = new Verdict(true, List.of());

    /** Rejected. */
    public static final Verdict REJECT = new Verdict(false, List.of());

    public Verdict {
        modifications = List.copyOf(modifications);
    }

    /** True when accepted with changes to the attributes. */
    public boolean modifies() {
        return accepted && !modifications.isEmpty();
    }
}
