package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.ipvs.plan.IpvsState;
import io.kuberouter.proxy.ipvs.plan.KeyPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-router's {@code gracefulSync} (behaviour inventory §3.8): a draining destination is deleted once it
 * has no active and no inactive connection left, or when its grace period is over. Reads the connection
 * counts of the services with draining destinations only.
 */
final class DrainSweep {

    private DrainSweep() {
    }

    static List<KeyPlan> plans(ProxyKernel kernel, DrainQueue drains, AppliedState state, Instant now)
            throws KernelException {
        List<KeyPlan> plans = new ArrayList<>();
        for (ServiceKey key : drains.keys()) {
            Optional<List<DestinationStatus>> statuses = statuses(kernel, key);
            IpvsState current = state.ipvs.get(key);
            if (statuses.isEmpty() || current == null) {
                drains.forget(key);
                continue;
            }
            List<Destination> done = new ArrayList<>();
            for (Map.Entry<String, DrainQueue.Draining> e : drains.of(key).entrySet()) {
                Optional<DestinationStatus> status = statuses.get().stream()
                        .filter(s -> s.destination().target().equals(e.getKey())).findFirst();
                if (status.isEmpty()) {
                    drains.stop(key, e.getKey());
                } else if (finished(status.get(), e.getValue(), now)) {
                    done.add(status.get().destination());
                }
            }
            if (!done.isEmpty()) {
                plans.add(deletion(key, current, done));
            }
        }
        return plans;
    }

    private static boolean finished(DestinationStatus status, DrainQueue.Draining draining, Instant now) {
        return status.activeConnections() + status.inactiveConnections() == 0 || !now.isBefore(draining.deadline());
    }

    private static KeyPlan deletion(ServiceKey key, IpvsState current, List<Destination> done) {
        List<IpvsOp> ops = done.stream().<IpvsOp>map(d -> new IpvsOp.DeleteDestination(key, d)).toList();
        List<Destination> left = current.destinations().stream()
                .filter(d -> done.stream().noneMatch(x -> x.sameTarget(d))).toList();
        return new KeyPlan(key, ops, new IpvsState(current.service(), left), List.of(), done);
    }

    private static Optional<List<DestinationStatus>> statuses(ProxyKernel kernel, ServiceKey key)
            throws KernelException {
        try {
            return Optional.of(kernel.ipvs().destinations(key));
        } catch (KernelException e) {
            if (e.is(Errno.ESRCH)) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
