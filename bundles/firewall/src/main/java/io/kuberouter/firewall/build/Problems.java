package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.firewall.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the input one build skipped. Not thread-safe; one per build. */
final class Problems {

    static final String INVALID_CIDR = "invalid-cidr";
    static final String INVALID_PORT = "invalid-port";
    static final String UNRESOLVED_NAMED_PORT = "unresolved-named-port";

    private final List<Problem> list = new ArrayList<>();

    void add(ObjectKey policy, String reason, String message) {
        list.add(new Problem(policy, reason, message));
    }

    List<Problem> list() {
        return List.copyOf(list);
    }
}
