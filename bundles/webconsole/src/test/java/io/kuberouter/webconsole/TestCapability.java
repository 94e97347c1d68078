package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A capability with fixed heartbeats, for rendering tests. */
record TestCapability(String name, KernelOwnership ownership, List<Heartbeats.Controller> controllers)
        implements Capability {

    TestCapability(String name, KernelOwnership ownership, Heartbeats.Controller... controllers) {
        this(name, ownership, List.of(controllers));
    }

    /** A controller started at {@code started} whose only heartbeat was {@code beat} (none if null). */
    static Heartbeats.Controller controller(String name, Instant started, Instant beat, Duration period) {
        return new Heartbeats.Controller(name, started, beat, beat, period);
    }

    @Override
    public Heartbeats heartbeats() {
        return new Heartbeats(controllers);
    }
}
