package io.kuberouter.proxy.nft.kernel;

import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.nftables.Nftables;
import io.kuberouter.proxy.nft.plan.BaseRules;
import io.kuberouter.proxy.nft.plan.DesiredNft;
import io.kuberouter.proxy.nft.plan.FrontendRules;
import io.kuberouter.proxy.nft.plan.NftNames;
import io.kuberouter.proxy.nft.plan.NftScript;
import io.kuberouter.proxy.nft.plan.TableListing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The only writer of the table {@code inet kube-router-proxy}; nothing outside it is touched. A full round reads
 * the table's names back and rewrites it in one transaction (drift repaired, stale objects pruned, affinity
 * entries kept); an incremental round writes only the chains, sets and map elements of the frontends that
 * changed, also in one transaction. Any failure makes the next round full. Chains and sets of the table that this
 * process never wrote (an earlier process's) are pruned only while {@link #pruneWhen the prune gate} is open;
 * until then they stay as they are, unreachable once the maps are rewritten. Not thread-safe: the sync thread's.
 */
public final class NftReconciler {

    private final Map<String, FrontendRules> applied = new HashMap<>();
    private BaseRules.Base appliedBase;
    private boolean needsFull = true;
    private volatile BooleanSupplier mayPrune = () -> true;
    private boolean prunePending;

    /** Prunes only while {@code gate} says so (the capability owners' shared gate); without one, always. */
    public void pruneWhen(BooleanSupplier gate) {
        mayPrune = gate;
    }

    /** True until a full round succeeded, and after any failure. */
    public boolean needsFull() {
        return needsFull;
    }

    /** True after a rewrite that left an earlier process's chains or sets because the prune gate was closed. */
    public boolean prunePending() {
        return prunePending;
    }

    /** The fixed part last written, {@code null} before the first full round. */
    public BaseRules.Base appliedBase() {
        return appliedBase;
    }

    /**
     * Rewrites the whole table. What exists is read back from the kernel at the first round, after a failure and
     * while an earlier process's objects wait for the prune gate; otherwise it is what the last rounds wrote (the
     * table is ours alone), which spares a listing that costs nft as much as the rewrite at thousands of Services.
     */
    public void full(Nftables nft, BaseRules.Base base, DesiredNft desired) throws KernelException {
        TableListing existing = needsFull || appliedBase == null || prunePending
                ? nft.listTable(NftNames.FAMILY, NftNames.TABLE).map(TableListing::parse).orElse(TableListing.EMPTY)
                : written();
        boolean prune = mayPrune.getAsBoolean();
        if (!prune) {
            Set<String> known = names(base, desired.all().values());
            if (appliedBase != null) {
                known.addAll(names(appliedBase, applied.values()));
            }
            existing = existing.only(known::contains);
        }
        needsFull = true;
        nft.apply(NftScript.full(base, desired.all().values(), existing));
        applied.clear();
        applied.putAll(desired.all());
        appliedBase = base;
        needsFull = false;
        prunePending = !prune;
    }

    /** The names of the chains and sets of {@code base} and {@code frontends}. */
    private static Set<String> names(BaseRules.Base base, Collection<FrontendRules> frontends) {
        Set<String> names = new HashSet<>();
        base.chains().forEach(c -> names.add(c.name()));
        base.maps().forEach(m -> names.add(m.name()));
        for (FrontendRules f : frontends) {
            f.chains().forEach(c -> names.add(c.name()));
            f.sets().forEach(m -> names.add(m.name()));
        }
        return names;
    }

    /** The names of what the last successful rounds wrote. */
    private TableListing written() {
        Set<String> chains = new HashSet<>();
        Map<String, String> sets = new HashMap<>();
        appliedBase.chains().forEach(c -> chains.add(c.name()));
        appliedBase.maps().forEach(m -> sets.put(m.name(), m.kind()));
        for (FrontendRules f : applied.values()) {
            f.chains().forEach(c -> chains.add(c.name()));
            f.sets().forEach(m -> sets.put(m.name(), m.kind()));
        }
        return new TableListing(chains, sets);
    }

    /**
     * Writes the frontends in {@code changed}.
     *
     * @return the UDP frontends that lost a backend or went away: their conntrack entries must go, so that
     *     clients move on (a UDP flow's NAT would otherwise stick to the removed backend)
     */
    public List<Frontend> incremental(Nftables nft, DesiredNft desired, Set<String> changed) throws KernelException {
        Map<String, FrontendRules> before = new HashMap<>();
        Map<String, FrontendRules> after = new HashMap<>();
        for (String id : changed) {
            FrontendRules old = applied.get(id);
            FrontendRules next = desired.rules(id);
            if (old != null) {
                before.put(id, old);
            }
            if (next != null) {
                after.put(id, next);
            }
        }
        String script = NftScript.delta(before, after);
        if (!script.isEmpty()) {
            needsFull = true;
            nft.apply(script);
            needsFull = false;
        }
        List<Frontend> udpLost = new ArrayList<>();
        for (String id : changed) {
            FrontendRules old = before.get(id);
            FrontendRules next = after.get(id);
            if (old != null && old.server().frontend().protocol() == Protocol.UDP && lostBackend(old, next)) {
                udpLost.add(old.server().frontend());
            }
            if (next == null) {
                applied.remove(id);
            } else {
                applied.put(id, next);
            }
        }
        return udpLost;
    }

    private static boolean lostBackend(FrontendRules old, FrontendRules next) {
        if (next == null) {
            return true;
        }
        Set<String> kept = new HashSet<>();
        next.server().backends().forEach(b -> kept.add(b.id()));
        return old.server().backends().stream().anyMatch(b -> !kept.contains(b.id()));
    }

    /** Deletes the table with everything in it (the capability stops). */
    public void removeAll(Nftables nft) throws KernelException {
        nft.deleteTable(NftNames.FAMILY, NftNames.TABLE);
        applied.clear();
        appliedBase = null;
        needsFull = true;
    }
}
