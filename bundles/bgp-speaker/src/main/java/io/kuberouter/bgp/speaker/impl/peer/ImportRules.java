package io.kuberouter.bgp.speaker.impl.peer;

import java.net.Inet4Address;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.speaker.impl.export.AttributeRewriter;
import io.kuberouter.bgp.speaker.impl.export.RewriteMemo;
import io.kuberouter.bgp.speaker.impl.export.Rewritten;
import io.kuberouter.bgp.speaker.impl.policy.PolicyEngine;
import io.kuberouter.bgp.speaker.impl.policy.Verdict;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;

/**
 * Whether a received path is usable and with which attributes: paths that loop are excluded (RFC
 * 4271 §9.1.2: the local AS in AS_PATH; RFC 4456 §8: the own router id as ORIGINATOR_ID or an own
 * CLUSTER_ID in CLUSTER_LIST), the rest go through the import policy. Next-hop-self has no
 * meaning on import and is ignored there.
 */
public final class ImportRules {

    private final long localAs;
    private final Inet4Address routerId;
    private final Supplier<Set<Inet4Address>> clusterIds;
    private final AttributeInterner interner;
    private final Supplier<PolicyEngine> policy;
    private final RewriteMemo memo;

    public ImportRules(long localAs, Inet4Address routerId, Supplier<Set<Inet4Address>> clusterIds,
            AttributeInterner interner, Supplier<PolicyEngine> policy) {
        this.localAs = localAs;
        this.routerId = routerId;
        this.clusterIds = clusterIds;
        this.interner = interner;
        this.policy = policy;
        this.memo = new RewriteMemo(interner);
    }

    /** False when the attributes show a routing loop. */
    public boolean loopFree(List<PathAttribute> attributes) {
        for (PathAttribute attribute : attributes) {
            if (attribute instanceof AsPath path && path.segments().stream()
                    .anyMatch(segment -> segment.asNumbers().contains(localAs))) {
                return false;
            }
            if (attribute instanceof OriginatorId originator && originator.originator().equals(routerId)) {
                return false;
            }
            if (attribute instanceof ClusterList list && list.clusterIds().stream().anyMatch(clusterIds.get()::contains)) {
                return false;
            }
        }
        return true;
    }

    /** The attributes after import policy, held for the caller; null when rejected. */
    public PathAttributes effective(PathSource source, IpPrefix prefix, PathAttributes received) {
        PolicyEngine engine = policy.get();
        Verdict verdict = engine.importsEverything() ? Verdict.ACCEPT : engine.importVerdict(prefix, source.address());
        if (!verdict.accepted()) {
            return null;
        }
        PathAttributes result = verdict.modifies() ? memo.get(received, source.index(), verdict, () -> {
            Rewritten route = new Rewritten(interner.decode(received), received.nextHop());
            route = AttributeRewriter.applyActions(route, verdict.modifications(), null);
            return interner.intern(route.attributes(), route.nextHop());
        }) : received;
        interner.retain(result);
        return result;
    }

    /** Ends a batch of received messages: memoized rewrites are given back. */
    public void endBatch() {
        memo.clear();
    }
}
