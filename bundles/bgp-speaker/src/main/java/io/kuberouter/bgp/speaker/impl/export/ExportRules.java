package io.kuberouter.bgp.speaker.impl.export;

import java.util.function.Supplier;

import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.impl.policy.PolicyEngine;
import io.kuberouter.bgp.speaker.impl.policy.Verdict;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.impl.rib.PathSources;
import io.kuberouter.bgp.speaker.impl.rib.PathTable;

/**
 * Which attributes, if any, a peer gets for the best path of a prefix (RFC 4271 §9.1.3, §9.2):
 * never back to the peer it came from; internal routes to internal peers only when reflecting
 * (RFC 4456 §6: from a client to every peer, from a non-client to clients); NO_ADVERTISE to
 * nobody and NO_EXPORT / NO_EXPORT_SUBCONFED not to external peers (RFC 1997); then the export
 * policy, and the rewrite for the peer.
 */
public final class ExportRules {

    private final PathSources sources;
    private final AttributeInterner interner;
    private final Supplier<PolicyEngine> policy;

    public ExportRules(PathSources sources, AttributeInterner interner, Supplier<PolicyEngine> policy) {
        this.sources = sources;
        this.interner = interner;
        this.policy = policy;
    }

    /** The attributes to advertise for {@code prefixId} to {@code target}, held for the caller, or null. */
    public PathAttributes decide(ExportTarget target, FamilyRib rib, int prefixId, RewriteMemo memo) {
        PathTable paths = rib.paths();
        int row = paths.best(prefixId);
        if (row == PathTable.NONE) {
            return null;
        }
        PathSource source = sources.get(paths.source(row));
        PathAttributes attributes = paths.effective(row);
        if (!advertisable(source, attributes, target.peer())) {
            return null;
        }
        IpPrefix prefix = rib.prefixes().prefix(prefixId);
        Verdict verdict = policy.get().exportVerdict(prefix, target.peer().address());
        if (!verdict.accepted()) {
            return null;
        }
        PathAttributes result = memo.get(attributes, source.index(), verdict,
                () -> rewrite(attributes, source, target, verdict));
        interner.retain(result);
        return result;
    }

    private static boolean advertisable(PathSource source, PathAttributes attributes, PathSource target) {
        if (source.index() == target.index()) {
            return false;
        }
        boolean internalRoute = !source.isLocal() && !source.external();
        if (internalRoute && !target.external() && !source.routeReflectorClient() && !target.routeReflectorClient()) {
            return false;
        }
        int communities = attributes.wellKnownCommunities();
        if ((communities & PathAttributes.NO_ADVERTISE) != 0) {
            return false;
        }
        int noExport = PathAttributes.NO_EXPORT | PathAttributes.NO_EXPORT_SUBCONFED;
        return !target.external() || (communities & noExport) == 0;
    }

    private PathAttributes rewrite(PathAttributes attributes, PathSource source, ExportTarget target, Verdict verdict) {
        Rewritten route = new Rewritten(interner.decode(attributes), attributes.nextHop());
        route = AttributeRewriter.forPeer(route, source, target);
        route = AttributeRewriter.applyActions(route, verdict.modifications(), target.localAddress());
        return interner.intern(route.attributes(), route.nextHop());
    }
}
