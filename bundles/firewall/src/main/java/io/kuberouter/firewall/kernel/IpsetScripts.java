package io.kuberouter.firewall.kernel;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.build.Names;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.FamilyState;
import io.kuberouter.firewall.model.IpSet;
import io.kuberouter.kernel.api.netfilter.IpsetBatch;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The two {@code ipset restore} scripts around a sync's iptables restores (pure). Before: every new set is created
 * and filled as a temporary set and swapped in, so a rule never sees a half-filled set and a new set exists before
 * a rule refers to it; a set whose contents change is updated entry by entry ({@code del}, {@code add}: each
 * entry is independent) when at most {@value #DELTA_LIMIT} entries change, else replaced the same way. After:
 * {@code kube-router-local-pods} is refreshed, so a pod counts as programmed only once its chain is in the kernel
 * (upstream refreshes it before its restore), and sets nothing refers to anymore are destroyed.
 */
final class IpsetScripts {

    /** Most entries a changed set gets as single adds and deletes; beyond, it is replaced. */
    static final int DELTA_LIMIT = 256;

    private IpsetScripts() {
    }

    /**
     * @param applied the state last written, {@code null} when unknown (every set is written)
     */
    static String before(DesiredState desired, DesiredState applied) {
        IpsetBatch batch = new IpsetBatch();
        for (FamilyState family : desired.families().values()) {
            Map<String, IpSet> before = appliedSets(applied, family.family());
            for (IpSet set : family.ipsets().values()) {
                if (isLocalPods(set.name())) {
                    batch.create(set.spec());
                } else if (!Objects.equals(before.get(set.name()), set)) {
                    write(batch, before.get(set.name()), set);
                }
            }
        }
        return batch.script();
    }

    /**
     * @param kernelSets every set name of the kernel on a full sync, empty otherwise
     */
    static String after(DesiredState desired, DesiredState applied, Collection<String> kernelSets,
            KernelOwnership ownership) {
        IpsetBatch batch = new IpsetBatch();
        Set<String> stale = new LinkedHashSet<>(kernelSets);
        for (FamilyState family : desired.families().values()) {
            Map<String, IpSet> before = appliedSets(applied, family.family());
            stale.addAll(before.keySet());
            family.ipsets().values().stream()
                    .filter(s -> isLocalPods(s.name()) && !Objects.equals(before.get(s.name()), s))
                    .forEach(s -> batch.replace(s.spec(), s.entries()));
        }
        desired.families().values().forEach(f -> stale.removeAll(f.ipsets().keySet()));
        stale.stream().filter(ownership::ownsIpset).forEach(batch::destroy);
        return batch.script();
    }

    private static void write(IpsetBatch batch, IpSet old, IpSet set) {
        if (old == null || !old.spec().equals(set.spec())) {
            batch.replace(set.spec(), set.entries());
            return;
        }
        List<String> gone = old.entries().stream().filter(e -> !set.entries().contains(e)).toList();
        List<String> added = set.entries().stream().filter(e -> !old.entries().contains(e)).toList();
        if (gone.size() + added.size() > DELTA_LIMIT) {
            batch.replace(set.spec(), set.entries());
            return;
        }
        gone.forEach(e -> batch.del(set.name(), e.replace(" nomatch", "")));
        added.forEach(e -> batch.add(set.name(), e));
    }

    private static Map<String, IpSet> appliedSets(DesiredState applied, IpFamily family) {
        FamilyState state = applied == null ? null : applied.family(family);
        return state == null ? Map.of() : state.ipsets();
    }

    private static boolean isLocalPods(String set) {
        return set.endsWith(Names.LOCAL_PODS_SET);
    }
}
