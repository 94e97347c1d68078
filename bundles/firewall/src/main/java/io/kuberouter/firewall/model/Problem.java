package io.kuberouter.firewall.model;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.Objects;

/**
 * Input the builder could not use and skipped, e.g. an invalid CIDR or a named port no selected pod declares. The
 * skipped part allows nothing (it never widens a policy); the rest of the policy applies.
 *
 * @param policy the policy concerned
 * @param reason the metric label: {@code invalid-cidr}, {@code invalid-port}, {@code unresolved-named-port}
 * @param message what was skipped and why
 */
public record Problem(ObjectKey policy, String reason, String message) {

    public Problem {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "network policy " + policy + ": " + message;
    }
}
