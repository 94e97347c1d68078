package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.ValueTypes.BOOL;
import static io.kuberouter.launcher.flags.ValueTypes.DURATION;

import java.time.Duration;
import java.util.List;

/**
 * LoadBalancer allocator flags of kube-router v2.11 (behaviour reference §1.5): defaults and help as upstream.
 * The allocator's address pool is {@link GeneralFlags#LOADBALANCER_IP_RANGE}.
 */
public final class LoadBalancerFlags {

    public static final Flag<Boolean> LOADBALANCER_DEFAULT_CLASS = Flag.upstream("loadbalancer-default-class", BOOL,
            true, "Handle loadbalancer services without a class");
    public static final Flag<Duration> LOADBALANCER_SYNC_PERIOD = Flag.upstream("loadbalancer-sync-period", DURATION,
            Duration.ofMinutes(1),
            "The delay between checking for missed services (e.g. '5s', '1m'). Must be greater than 0.");

    private LoadBalancerFlags() {
    }

    static List<Flag<?>> all() {
        return List.of(LOADBALANCER_DEFAULT_CLASS, LOADBALANCER_SYNC_PERIOD);
    }
}
