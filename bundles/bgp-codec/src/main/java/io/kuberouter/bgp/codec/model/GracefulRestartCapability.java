package io.kuberouter.bgp.codec.model;

import java.util.List;
import java.util.Objects;

/**
 * Graceful Restart capability, code 64 (RFC 4724 §3).
 *
 * @param restarting the Restart State (R) bit: the sender has restarted
 * @param notificationSupported the Graceful Notification (N) bit of RFC 8538 §2
 * @param restartTime seconds the peer should keep routes after the session drops, 12 bits
 * @param families the families whose forwarding state the sender can keep
 */
public record GracefulRestartCapability(boolean restarting, boolean notificationSupported, int restartTime,
        List<ForwardingState> families) implements Capability {

    /** Largest Restart Time, a 12-bit field. */
    public static final int MAX_RESTART_TIME = 0x0FFF;

    public GracefulRestartCapability {
        if (restartTime < 0 || restartTime > MAX_RESTART_TIME) {
            throw new IllegalArgumentException("restartTime out of range 0.." + MAX_RESTART_TIME + ": " + restartTime);
        }
        families = List.copyOf(families);
    }

    /**
     * One family of the capability.
     *
     * @param family the AFI/SAFI
     * @param forwardingPreserved the Forwarding State (F) bit: forwarding was kept across the
     *     restart
     */
    public record ForwardingState(AddressFamily family, boolean forwardingPreserved) {

        public ForwardingState {
            Objects.requireNonNull(family, "family");
        }
    }
}
