package io.kuberouter.proxy.ipvs.plan;

import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the IPVS operations for one virtual service (kube-router's {@code syncIpvsServices} and
 * {@code cleanupStaleIPVSConfig} for a single key). Pure.
 *
 * <ul>
 *   <li>New service: add it, then its destinations. Service no longer desired: delete it (with its
 *       destinations). Scheduler, flags or timeout changed: update it in place.</li>
 *   <li>Destination missing: add; weight or method changed: update (a drained destination that is desired
 *       again is restored to weight 1).</li>
 *   <li>Destination no longer desired: delete it, or with graceful termination set its weight to 0 and
 *       leave it for the drain (behaviour inventory §3.8); one already at weight 0 stays as it is.</li>
 * </ul>
 */
public final class IpvsDiff {

    private IpvsDiff() {
    }

    /**
     * @param current what the kernel has under {@code key}, or {@code null}
     * @param desired what it should have, or {@code null}
     * @param graceful {@code --ipvs-graceful-termination}
     */
    public static KeyPlan plan(ServiceKey key, IpvsState current, IpvsState desired, boolean graceful) {
        List<IpvsOp> ops = new ArrayList<>();
        if (current == null && desired == null) {
            return new KeyPlan(key, ops, null, List.of(), List.of());
        }
        if (desired == null) {
            ops.add(new IpvsOp.DeleteService(key));
            return new KeyPlan(key, ops, null, List.of(), current.destinations());
        }
        if (current == null) {
            ops.add(new IpvsOp.AddService(desired.service()));
            desired.destinations().forEach(d -> ops.add(new IpvsOp.AddDestination(key, d)));
            return new KeyPlan(key, ops, desired, List.of(), List.of());
        }
        if (!current.service().equals(desired.service())) {
            ops.add(new IpvsOp.UpdateService(desired.service()));
        }
        return destinations(key, ops, current, desired, graceful);
    }

    private static KeyPlan destinations(ServiceKey key, List<IpvsOp> ops, IpvsState current, IpvsState desired,
            boolean graceful) {
        Map<String, Destination> existing = new HashMap<>();
        current.destinations().forEach(d -> existing.put(d.target(), d));
        for (Destination wanted : desired.destinations()) {
            Destination have = existing.remove(wanted.target());
            if (have == null) {
                ops.add(new IpvsOp.AddDestination(key, wanted));
            } else if (!have.equals(wanted)) {
                ops.add(new IpvsOp.UpdateDestination(key, wanted));
            }
        }
        List<Destination> result = new ArrayList<>(desired.destinations());
        List<Destination> draining = new ArrayList<>();
        List<Destination> removed = new ArrayList<>();
        for (Destination stale : current.destinations()) {
            if (!existing.containsKey(stale.target())) {
                continue;
            }
            if (graceful) {
                draining.add(drain(key, stale, ops));
            } else {
                ops.add(new IpvsOp.DeleteDestination(key, stale));
                removed.add(stale);
            }
        }
        result.addAll(draining);
        return new KeyPlan(key, ops, new IpvsState(desired.service(), result), draining, removed);
    }

    /** Quiesces {@code stale} (weight 0) unless it already is; returns it at weight 0. */
    private static Destination drain(ServiceKey key, Destination stale, List<IpvsOp> ops) {
        Destination quiet = stale.withWeight(0);
        if (stale.weight() != 0) {
            ops.add(new IpvsOp.UpdateDestination(key, quiet));
        }
        return quiet;
    }
}
