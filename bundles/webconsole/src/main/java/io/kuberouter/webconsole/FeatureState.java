package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.capabilities.FeatureStatus;
import java.util.List;
import java.util.Objects;

/**
 * One feature as the console shows it: its status on this node from the feature manager and the
 * {@link Capability} services registered under its name.
 */
record FeatureState(FeatureStatus status, List<Capability> capabilities) {

    FeatureState {
        Objects.requireNonNull(status, "status");
        capabilities = List.copyOf(capabilities);
    }

    String name() {
        return status.name();
    }

    String description() {
        return status.feature().description();
    }

    /** Start is offered unless every bundle runs; it installs what is missing. */
    boolean startable() {
        return status.state() != FeatureStatus.State.RUNNING;
    }

    /** Stop is offered where something runs and the feature manager allows it. */
    boolean stoppable() {
        FeatureStatus.State state = status.state();
        return status.stoppable() && (state == FeatureStatus.State.RUNNING || state == FeatureStatus.State.PARTLY_RUNNING);
    }
}
