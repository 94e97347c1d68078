package io.kuberouter.router.kernel;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.IpsetBatch;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.router.build.PodEgress;
import java.util.List;

/**
 * Realizes pod egress SNAT (§5.1 steps 2, 6): both ipsets replaced atomically (temp set and swap), then upstream's
 * MASQUERADE rule inserted first in nat POSTROUTING unless {@code iptables-save} shows it already; one
 * {@code iptables-restore --noflush}, so no other rule of the table is touched. Removal deletes exactly that rule,
 * then each set on its own (a set another rule still uses is refused by the kernel and reported; the other one
 * goes). IPv4 only.
 */
public final class EgressReconciler {

    private static final IpsetSpec POD_SUBNETS = IpsetSpec.of(PodEgress.POD_SUBNETS_SET, "hash:net",
            AddressFamily.INET);
    private static final IpsetSpec NODE_IPS = IpsetSpec.of(PodEgress.NODE_IPS_SET, "hash:ip", AddressFamily.INET);

    private final Iptables iptables;
    private final Ipsets ipsets;

    public EgressReconciler(Iptables iptables, Ipsets ipsets) {
        this.iptables = iptables;
        this.ipsets = ipsets;
    }

    public void apply(PodEgress egress) throws KernelException {
        ipsets.restore(new IpsetBatch().replace(POD_SUBNETS, egress.podSubnets())
                .replace(NODE_IPS, egress.nodeIps()).script());
        if (!ruleExists()) {
            iptables.restore(AddressFamily.INET, "nat", "*nat\n" + PodEgress.RULE.replaceFirst("^-A POSTROUTING",
                    "-I POSTROUTING 1") + "\nCOMMIT\n", true);
        }
    }

    /** Removes the rule and the sets, whatever this process remembers; missing ones are fine. */
    public void remove() throws KernelException {
        if (ruleExists()) {
            iptables.restore(AddressFamily.INET, "nat", "*nat\n" + PodEgress.RULE.replaceFirst("^-A", "-D")
                    + "\nCOMMIT\n", true);
        }
        List<String> existing = ipsets.names();
        KernelException refused = null;
        for (String set : List.of(PodEgress.POD_SUBNETS_SET, PodEgress.NODE_IPS_SET)) {
            try {
                if (existing.contains(set)) {
                    ipsets.restore(new IpsetBatch().destroy(set).script());
                }
            } catch (KernelException e) {
                refused = refused == null ? e : refused;
            }
        }
        if (refused != null) {
            throw refused;
        }
    }

    private boolean ruleExists() throws KernelException {
        return iptables.save(AddressFamily.INET, "nat").lines().anyMatch(PodEgress.RULE::equals);
    }
}
