package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Best-path selection of RFC 4271 §9.1.2, as the elimination of §9.1.2.2 run over the usable
 * paths of one prefix (paths the import policy accepted; stale ones included, RFC 4724 §4.2):
 * highest degree of preference (§9.1.1: LOCAL_PREF of internal routes, 100 otherwise), locally
 * originated routes, shortest AS_PATH (a), lowest ORIGIN (b), lowest MULTI_EXIT_DISC among routes
 * from the same neighbor AS (c), external over internal (d), lowest BGP Identifier – the
 * ORIGINATOR_ID when present (f, RFC 4456 §9) –, shortest CLUSTER_LIST (RFC 4456 §9), lowest peer
 * address (g). The IGP cost step (e) does not apply: next hops are not resolved through an IGP.
 */
final class BestPathSelector {

    /** Default degree of preference (the usual LOCAL_PREF default). */
    static final long DEFAULT_LOCAL_PREF = 100;

    private final PathTable paths;
    private final PathSources sources;
    private int[] candidates = new int[8];
    private int count;

    BestPathSelector(PathTable paths, PathSources sources) {
        this.paths = paths;
        this.sources = sources;
    }

    /** The best row of {@code prefixId}, or {@link PathTable#NONE} when no path is usable. */
    int select(int prefixId) {
        collect(prefixId);
        if (count > 1) {
            keepHighest(this::degreeOfPreference);
            keepHighest(row -> sources.get(paths.source(row)).isLocal() ? 1 : 0);
            keepHighest(row -> -attributes(row).asPathLength());
            keepHighest(row -> -attributes(row).origin());
            eliminateByMed();
            keepHighest(row -> sources.get(paths.source(row)).external() ? 1 : 0);
            keepHighest(row -> -bgpIdentifier(row));
            keepHighest(row -> -attributes(row).clusterListLength());
            keepLowestPeerAddress();
        }
        return count == 0 ? PathTable.NONE : candidates[0];
    }

    private void collect(int prefixId) {
        count = 0;
        for (int row = paths.first(prefixId); row != PathTable.NONE; row = paths.next(row)) {
            if (paths.effective(row) != null) {
                if (count == candidates.length) {
                    candidates = Arrays.copyOf(candidates, count * 2);
                }
                candidates[count++] = row;
            }
        }
    }

    private long degreeOfPreference(int row) {
        long localPref = attributes(row).localPref();
        boolean internal = !sources.get(paths.source(row)).external();
        return internal && localPref != PathAttributes.ABSENT ? localPref : DEFAULT_LOCAL_PREF;
    }

    private long bgpIdentifier(int row) {
        long originator = attributes(row).originatorId();
        return originator != PathAttributes.ABSENT ? originator : sources.get(paths.source(row)).routerId();
    }

    private PathAttributes attributes(int row) {
        return paths.effective(row);
    }

    private void keepHighest(IntToLongFunction score) {
        if (count < 2) {
            return;
        }
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, score.applyAsLong(candidates[i]));
        }
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (score.applyAsLong(candidates[i]) == max) {
                candidates[kept++] = candidates[i];
            }
        }
        count = kept;
    }

    /** §9.1.2.2 c: a route loses to one from the same neighbor AS with a lower MED (absent = 0). */
    private void eliminateByMed() {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (!beatenByMed(candidates[i])) {
                candidates[kept++] = candidates[i];
            }
        }
        count = kept;
    }

    private boolean beatenByMed(int row) {
        PathAttributes own = attributes(row);
        for (int i = 0; i < count; i++) {
            PathAttributes other = attributes(candidates[i]);
            if (other.neighborAs() == own.neighborAs() && med(other) < med(own)) {
                return true;
            }
        }
        return false;
    }

    private static long med(PathAttributes attributes) {
        return attributes.med() == PathAttributes.ABSENT ? 0 : attributes.med();
    }

    private void keepLowestPeerAddress() {
        int winner = candidates[0];
        for (int i = 1; i < count; i++) {
            byte[] challenger = sources.get(paths.source(candidates[i])).address().getAddress();
            byte[] current = sources.get(paths.source(winner)).address().getAddress();
            if (Arrays.compareUnsigned(challenger, current) < 0) {
                winner = candidates[i];
            }
        }
        candidates[0] = winner;
        count = 1;
    }
}
