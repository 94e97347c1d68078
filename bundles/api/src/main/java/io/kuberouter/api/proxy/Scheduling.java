package io.kuberouter.api.proxy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a virtual server spreads new connections over its backends.
 *
 * @param scheduler the IPVS scheduler name ({@code rr}, {@code lc}, {@code dh}, {@code sh}, {@code mh}, ...);
 *     backends that cannot schedule by name document which they honour
 * @param flags scheduler flags (honoured with {@code mh} only, as kube-router does)
 * @param affinityTimeoutSeconds ClientIP session affinity timeout; 0 = no affinity
 */
public record Scheduling(String scheduler, Set<SchedulerFlag> flags, int affinityTimeoutSeconds) {

    /** Round robin, no flags, no affinity: kube-router's default. */
    public static final Scheduling ROUND_ROBIN = new Scheduling("rr", Set.of(), 0);

    public Scheduling {
        Objects.requireNonNull(scheduler, "scheduler");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (affinityTimeoutSeconds < 0) {
            throw new IllegalArgumentException("negative affinity timeout " + affinityTimeoutSeconds);
        }
    }

    /** True with ClientIP session affinity. */
    public boolean sticky() {
        return affinityTimeoutSeconds > 0;
    }
}
