package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.ipvs.plan.IpvsState;
import io.kuberouter.proxy.ipvs.plan.KeyPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes key plans in one {@code Ipvs.apply} batch (one netlink stream, service deletions last), then records
 * the outcome: the resulting state per key, drains started and ended, and conntrack cleanup for UDP
 * services that lost destinations (behaviour inventory §3.8: {@code conntrack -D --orig-dst VIP -p udp
 * --dport PORT}, so clients stop sticking to a gone endpoint). A failed batch propagates untouched; the
 * caller then distrusts its applied state and reads the kernel on the next round.
 */
final class IpvsWriter {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsWriter.class);

    private final DrainQueue drains;

    IpvsWriter(DrainQueue drains) {
        this.drains = drains;
    }

    /** @return the number of IPVS operations written */
    int write(ProxyKernel kernel, List<KeyPlan> plans, Map<ServiceKey, IpvsState> applied, GracePeriods grace,
            Instant now) throws KernelException {
        List<IpvsOp> ops = new ArrayList<>();
        plans.stream().filter(p -> p.result() != null).forEach(p -> ops.addAll(p.ops()));
        plans.stream().filter(p -> p.result() == null).forEach(p -> ops.addAll(p.ops()));
        kernel.ipvs().apply(ops);
        for (KeyPlan plan : plans) {
            record(plan, applied, grace, now);
            if (!plan.removed().isEmpty()) {
                clearUdpFlows(kernel, plan.key());
            }
        }
        return ops.size();
    }

    private void record(KeyPlan plan, Map<ServiceKey, IpvsState> applied, GracePeriods grace, Instant now) {
        ServiceKey key = plan.key();
        if (plan.result() == null) {
            applied.remove(key);
            drains.forget(key);
            return;
        }
        applied.put(key, plan.result());
        plan.removed().forEach(d -> drains.stop(key, d.target()));
        for (Destination d : plan.result().destinations()) {
            if (d.weight() > 0) {
                drains.stop(key, d.target());
            }
        }
        plan.draining().forEach(d -> drains.start(key, d, grace.of(d.address()), now));
    }

    private static void clearUdpFlows(ProxyKernel kernel, ServiceKey key) {
        if (!(key instanceof ServiceKey.ByAddress vip) || vip.protocol() != IpProtocol.UDP) {
            return;
        }
        try {
            int deleted = kernel.conntrack().deleteByOriginalDestination(IpProtocol.UDP, vip.address(), vip.port());
            LOG.debug("deleted {} conntrack entries of {}", deleted, key);
        } catch (KernelException e) {
            LOG.warn("could not delete the conntrack entries of {}: {}", key, e.getMessage());
        }
    }
}
