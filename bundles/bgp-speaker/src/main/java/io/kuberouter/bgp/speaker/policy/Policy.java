package io.kuberouter.bgp.speaker.policy;

import java.util.List;
import java.util.Objects;

/**
 * A named, ordered list of statements.
 *
 * @param name unique among the policies of a {@link RoutingPolicy}
 * @param statements evaluated in order
 */
public record Policy(String name, List<Statement> statements) {

    public Policy {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
    }
}
