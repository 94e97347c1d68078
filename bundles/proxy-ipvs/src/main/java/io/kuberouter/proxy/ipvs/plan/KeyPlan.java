package io.kuberouter.proxy.ipvs.plan;

import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import java.util.List;

/**
 * The operations that turn one virtual service from what the kernel has into what is desired, and what
 * they leave behind.
 *
 * @param ops the IPVS operations, in the order they must run
 * @param result the virtual service after the operations, {@code null} when it is deleted
 * @param draining destinations left at weight 0 for graceful termination (newly or still)
 * @param removed destinations deleted (directly or with their service); their flows need conntrack cleanup
 *     when the service is UDP
 */
public record KeyPlan(ServiceKey key, List<IpvsOp> ops, IpvsState result, List<Destination> draining,
        List<Destination> removed) {

    public KeyPlan {
        ops = List.copyOf(ops);
        draining = List.copyOf(draining);
        removed = List.copyOf(removed);
    }

    /** True when the kernel needs no change. */
    public boolean empty() {
        return ops.isEmpty();
    }
}
