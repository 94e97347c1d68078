package io.kuberouter.firewall.kernel;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.build.Names;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.FamilyState;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.IpsetBatch;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The only part of the firewall that touches the kernel. A sync is one {@code ipset restore} (sets created or
 * replaced), one {@code iptables-restore --noflush} per family, one {@code ipset restore} (local pods refreshed,
 * stale sets destroyed); a full sync first reads the kernel with one {@code iptables-save} per family and one
 * {@code ipset list -n}. Only objects the {@link KernelOwnership} claims are ever changed or removed; those a full
 * sync finds in the kernel but no sync of this process wrote (an earlier process's) are pruned only while
 * {@link #pruneWhen the prune gate} is open.
 *
 * <p>Failures: a failing iptables restore leaves that family's table exactly as it was (the tool commits all or
 * nothing); the exception propagates and the caller's next attempt must be a full sync. Threading: not
 * thread-safe; call from the sync thread.
 */
public final class FirewallReconciler {

    private static final String FILTER = "filter";

    private final KernelOwnership ownership;
    private final ReconcileTimings timings;
    private volatile BooleanSupplier mayPrune = () -> true;

    /**
     * @param timings receives the duration of every save and restore
     */
    public FirewallReconciler(KernelOwnership ownership, ReconcileTimings timings) {
        this.ownership = ownership;
        this.timings = timings;
    }

    /**
     * Prunes only while {@code gate} says so (the capability owners' shared gate); without one, always.
     */
    public void pruneWhen(BooleanSupplier gate) {
        mayPrune = gate;
    }

    /**
     * Writes {@code desired}.
     *
     * @param applied the state the last successful sync wrote; {@code null} for a full sync, which reads the
     *        kernel, rewrites every chain and set and removes every stale owned object (while the gate is open)
     */
    public void apply(Iptables iptables, Ipsets ipsets, DesiredState desired, DesiredState applied)
            throws KernelException {
        boolean prune = applied == null && mayPrune.getAsBoolean();
        List<String> kernelSets = prune ? ipsets.names() : List.of();
        restoreSets(ipsets, IpsetScripts.before(desired, applied));
        for (FamilyState family : desired.families().values()) {
            KernelInventory kernel = applied == null ? inventory(iptables, family.family()) : null;
            if (kernel != null && !prune) {
                kernel = kernel.withoutStaleChains();
            }
            FamilyState before = applied == null ? null : applied.family(family.family());
            String input = FilterRestore.sync(family, before, kernel);
            if (!input.isEmpty()) {
                long start = System.nanoTime();
                iptables.restore(af(family.family()), FILTER, input, true);
                timings.restored(family.family(), System.nanoTime() - start);
            }
        }
        restoreSets(ipsets, IpsetScripts.after(desired, applied, kernelSets, ownership));
    }

    /**
     * Removes everything the firewall owns in {@code families}: its chains, the rules jumping into them, then
     * its ipsets of those families (IPv6 sets are the ones named {@code inet6:*}).
     */
    public void remove(Iptables iptables, Ipsets ipsets, Collection<IpFamily> families) throws KernelException {
        for (IpFamily family : families) {
            KernelInventory kernel = inventory(iptables, family);
            String input = FilterRestore.removal(kernel.ownedChains(), kernel.references());
            if (!input.isEmpty()) {
                iptables.restore(af(family), FILTER, input, true);
            }
        }
        IpsetBatch batch = new IpsetBatch();
        ipsets.names().stream().filter(ownership::ownsIpset)
                .filter(set -> families.contains(familyOf(set)))
                .forEach(batch::destroy);
        restoreSets(ipsets, batch.script());
    }

    private KernelInventory inventory(Iptables iptables, IpFamily family) throws KernelException {
        long start = System.nanoTime();
        String save = iptables.save(af(family), FILTER);
        timings.saved(family, System.nanoTime() - start);
        return KernelInventory.parse(save, ownership);
    }

    private void restoreSets(Ipsets ipsets, String script) throws KernelException {
        if (!script.isEmpty()) {
            long start = System.nanoTime();
            ipsets.restore(script);
            timings.ipsetsRestored(System.nanoTime() - start);
        }
    }

    private static IpFamily familyOf(String set) {
        return set.startsWith(Names.INET6_SET_PREFIX) ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    private static AddressFamily af(IpFamily family) {
        return family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
    }
}
