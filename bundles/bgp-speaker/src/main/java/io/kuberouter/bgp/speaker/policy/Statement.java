package io.kuberouter.bgp.speaker.policy;

import java.util.Objects;

/**
 * One rule of a policy.
 *
 * @param name the statement's name, for humans
 * @param conditions when it applies
 * @param actions what it does
 */
public record Statement(String name, Conditions conditions, Actions actions) {

    public Statement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(actions, "actions");
    }
}
