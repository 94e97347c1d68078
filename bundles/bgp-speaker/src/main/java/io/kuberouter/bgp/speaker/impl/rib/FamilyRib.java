package io.kuberouter.bgp.speaker.impl.rib;

import java.util.BitSet;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;

/**
 * The RIBs of one address family: Adj-RIBs-In of all sources and the Loc-RIB (RFC 4271 §3.2). Each
 * change of a path re-runs selection for its prefix (§9.1.2); prefixes whose best path changed are
 * collected until {@link #drainChanges} hands them to the Adj-RIBs-Out and listeners (§9.1.3).
 *
 * <p>Prefix ids are held once by the paths of a prefix (while it has any) and once while a change
 * is pending, so a drained change still names its prefix.
 */
public final class FamilyRib {

    /** Receives one changed prefix and its new best row ({@link PathTable#NONE} for none). */
    @FunctionalInterface
    public interface ChangeSink {
        void changed(int prefixId, int bestRow);
    }

    /** Computes a path's attributes after import policy; returns a held reference or null. */
    @FunctionalInterface
    public interface ImportFunction {
        PathAttributes apply(PathSource source, IpPrefix prefix, PathAttributes received);
    }

    private final AddressFamily family;
    private final PrefixTable prefixes;
    private final PathTable paths = new PathTable();
    private final PathSources sources;
    private final BestPathSelector selector;
    private final AttributeInterner interner;
    private final IntList changed = new IntList();
    private final BitSet pendingChange = new BitSet();
    private final SourceCounts counts = new SourceCounts();
    private int selected;

    public FamilyRib(AddressFamily family, PathSources sources, AttributeInterner interner) {
        this.family = family;
        this.prefixes = new PrefixTable(family.equals(AddressFamily.IPV4_UNICAST));
        this.sources = sources;
        this.selector = new BestPathSelector(paths, sources);
        this.interner = interner;
    }

    public AddressFamily family() {
        return family;
    }

    public PrefixTable prefixes() {
        return prefixes;
    }

    public PathTable paths() {
        return paths;
    }

    /**
     * Installs the path of {@code source} to {@code prefix}, replacing its previous one. Takes its
     * own references on both attribute sets; {@code effective} null means rejected by policy.
     */
    public void update(int source, IpPrefix prefix, PathAttributes received, PathAttributes effective) {
        int id = prefixes.acquire(prefix);
        paths.ensurePrefixCapacity(prefixes.idBound());
        interner.retain(received);
        if (effective != null) {
            interner.retain(effective);
        }
        int row = paths.find(id, source);
        if (row == PathTable.NONE) {
            if (paths.first(id) != PathTable.NONE) {
                prefixes.release(id);
            }
            paths.add(id, source, received, effective);
            counts.added(source, effective != null);
            reselect(id, false);
            return;
        }
        prefixes.release(id);
        boolean wasBest = paths.best(id) == row;
        boolean sameEffective = paths.effective(row) == effective;
        counts.acceptanceChanged(source, paths.effective(row) != null, effective != null);
        releaseAttributes(row);
        paths.set(row, received, effective);
        reselect(id, wasBest && !sameEffective);
    }

    /** Removes the path of {@code source} to {@code prefix}, if any. */
    public void withdraw(int source, IpPrefix prefix) {
        int id = prefixes.find(prefix);
        int row = id < 0 ? PathTable.NONE : paths.find(id, source);
        if (row != PathTable.NONE) {
            removeRow(id, row);
        }
    }

    /** Removes every path of {@code source}, or only its stale ones. */
    public void removePaths(int source, boolean staleOnly) {
        for (int id = 0; id < prefixes.idBound(); id++) {
            int row = paths.first(id);
            while (row != PathTable.NONE) {
                int next = paths.next(row);
                if (paths.source(row) == source && (!staleOnly || paths.isStale(row))) {
                    removeRow(id, row);
                    break;
                }
                row = next;
            }
        }
    }

    /** Marks every path of {@code source} stale (RFC 4724 §4.2); they stay usable. */
    public void markStale(int source) {
        for (int id = 0; id < prefixes.idBound(); id++) {
            int row = paths.find(id, source);
            if (row != PathTable.NONE) {
                paths.markStale(row);
            }
        }
    }

    /** Re-runs import policy on every received path, e.g. after a policy change. */
    public void reimport(ImportFunction policy) {
        for (int id = 0; id < prefixes.idBound(); id++) {
            for (int row = paths.first(id); row != PathTable.NONE; row = paths.next(row)) {
                PathSource source = sources.get(paths.source(row));
                PathAttributes effective = source.isLocal() ? retained(paths.received(row))
                        : policy.apply(source, prefixes.prefix(id), paths.received(row));
                if (effective != paths.effective(row)) {
                    boolean wasBest = paths.best(id) == row;
                    counts.acceptanceChanged(source.index(), paths.effective(row) != null, effective != null);
                    interner.release(paths.effective(row));
                    paths.setEffective(row, effective);
                    reselect(id, wasBest);
                } else {
                    interner.release(effective);
                }
            }
        }
    }

    /** Hands every prefix whose best path changed since the last call to {@code sink}, in order. */
    public void drainChanges(ChangeSink sink) {
        for (int i = 0; i < changed.size(); i++) {
            int id = changed.get(i);
            pendingChange.clear(id);
            sink.changed(id, paths.best(id));
            prefixes.release(id);
        }
        changed.clear();
    }

    /** Paths of {@code source} in this RIB (its Adj-RIB-In). */
    public int receivedCount(int source) {
        return counts.received(source);
    }

    /** Paths of {@code source} the import rules accepted. */
    public int acceptedCount(int source) {
        return counts.accepted(source);
    }

    /** Number of prefixes with a best path. */
    public int selectedCount() {
        return selected;
    }

    private PathAttributes retained(PathAttributes attributes) {
        interner.retain(attributes);
        return attributes;
    }

    private void removeRow(int id, int row) {
        boolean wasBest = paths.best(id) == row;
        counts.removed(paths.source(row), paths.effective(row) != null);
        releaseAttributes(row);
        paths.remove(id, row);
        reselect(id, wasBest);
    }

    private void releaseAttributes(int row) {
        interner.release(paths.received(row));
        interner.release(paths.effective(row));
    }

    /** Selects again; records a change when the best row or its attributes changed. */
    private void reselect(int id, boolean bestAttributesChanged) {
        int before = paths.best(id);
        int after = selector.select(id);
        paths.setBest(id, after);
        selected += (after == PathTable.NONE ? 0 : 1) - (before == PathTable.NONE ? 0 : 1);
        if ((before != after || bestAttributesChanged) && !pendingChange.get(id)) {
            pendingChange.set(id);
            changed.add(id);
            prefixes.retain(id);
        }
        if (paths.first(id) == PathTable.NONE) {
            prefixes.release(id);
        }
    }
}
