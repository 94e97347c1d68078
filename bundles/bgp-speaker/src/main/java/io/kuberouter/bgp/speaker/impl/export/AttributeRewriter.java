package io.kuberouter.bgp.speaker.impl.export;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.LocalPref;
import io.kuberouter.bgp.codec.model.MultiExitDisc;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.SegmentType;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.policy.Actions;

/** The attribute changes of RFC 4271 §5.1 and RFC 4456 §7 per target peer, and policy actions. */
public final class AttributeRewriter {

    /** LOCAL_PREF given to routes entering the AS (the usual default, RFC 4271 §5.1.5). */
    static final long DEFAULT_LOCAL_PREF = 100;

    private AttributeRewriter() {
    }

    /**
     * To an external peer: the local AS prepended (§5.1.2), LOCAL_PREF, ORIGINATOR_ID and
     * CLUSTER_LIST removed, a received MULTI_EXIT_DISC not passed on (§5.1.4), and the next hop
     * set to the session address unless the route is local (§5.1.3; GoBGP keeps a local route's
     * next hop). To an internal peer: LOCAL_PREF added when absent and, when reflecting an
     * internal route, ORIGINATOR_ID and the CLUSTER_ID added (RFC 4456 §7).
     */
    static Rewritten forPeer(Rewritten route, PathSource source, ExportTarget target) {
        return target.peer().external() ? toExternal(route, source, target) : toInternal(route, source, target);
    }

    /** Applies the modifying actions of an export or import verdict, in order. */
    public static Rewritten applyActions(Rewritten route, List<Actions> actions, InetAddress self) {
        List<PathAttribute> attributes = new ArrayList<>(route.attributes());
        byte[] nextHop = route.nextHop();
        for (Actions action : actions) {
            action.prepend().ifPresent(p -> replaceAsPath(attributes, prepend(asPath(attributes), p.asn(), p.repeat())));
            if (!action.addCommunities().isEmpty()) {
                addCommunities(attributes, action.addCommunities());
            }
            if (action.nextHopSelf() && self != null) {
                nextHop = selfOrKeep(nextHop, self);
            }
        }
        return new Rewritten(attributes, nextHop);
    }

    /** {@code path} with {@code asn} prepended {@code times} times (RFC 4271 §5.1.2). */
    static AsPath prepend(AsPath path, long asn, int times) {
        List<AsPathSegment> segments = new ArrayList<>(path.segments());
        for (int i = 0; i < times; i++) {
            AsPathSegment first = segments.isEmpty() ? null : segments.get(0);
            if (first != null && first.type() == SegmentType.AS_SEQUENCE
                    && first.asNumbers().size() < AsPathSegment.MAX_LENGTH) {
                List<Long> numbers = new ArrayList<>(first.asNumbers());
                numbers.add(0, asn);
                segments.set(0, new AsPathSegment(SegmentType.AS_SEQUENCE, numbers));
            } else {
                segments.add(0, AsPathSegment.sequence(asn));
            }
        }
        return new AsPath(segments);
    }

    private static Rewritten toExternal(Rewritten route, PathSource source, ExportTarget target) {
        List<PathAttribute> attributes = new ArrayList<>();
        for (PathAttribute attribute : route.attributes()) {
            boolean internalOnly = attribute instanceof LocalPref || attribute instanceof OriginatorId
                    || attribute instanceof ClusterList;
            boolean foreignMed = attribute instanceof MultiExitDisc && !source.isLocal();
            if (!internalOnly && !foreignMed) {
                attributes.add(attribute);
            }
        }
        replaceAsPath(attributes, prepend(asPath(attributes), target.localAs(), 1));
        byte[] nextHop = source.isLocal() ? route.nextHop() : selfOrKeep(route.nextHop(), target.localAddress());
        return new Rewritten(attributes, nextHop);
    }

    private static Rewritten toInternal(Rewritten route, PathSource source, ExportTarget target) {
        List<PathAttribute> attributes = new ArrayList<>(route.attributes());
        if (attributes.stream().noneMatch(LocalPref.class::isInstance)) {
            attributes.add(new LocalPref(DEFAULT_LOCAL_PREF));
        }
        if (!source.isLocal() && !source.external()) {
            if (attributes.stream().noneMatch(OriginatorId.class::isInstance)) {
                attributes.add(new OriginatorId(RouterIds.address(source.routerId())));
            }
            PathSource client = source.routeReflectorClient() ? source : target.peer();
            addClusterId(attributes, client);
        }
        return new Rewritten(attributes, route.nextHop());
    }

    private static void addClusterId(List<PathAttribute> attributes, PathSource client) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i) instanceof ClusterList list) {
                List<Inet4Address> ids = new ArrayList<>(list.clusterIds());
                ids.add(0, client.clusterId());
                attributes.set(i, new ClusterList(ids));
                return;
            }
        }
        attributes.add(new ClusterList(List.of(client.clusterId())));
    }

    private static AsPath asPath(List<PathAttribute> attributes) {
        return attributes.stream().filter(AsPath.class::isInstance).map(AsPath.class::cast).findFirst()
                .orElse(AsPath.EMPTY);
    }

    private static void replaceAsPath(List<PathAttribute> attributes, AsPath path) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i) instanceof AsPath) {
                attributes.set(i, path);
                return;
            }
        }
        attributes.add(Math.min(1, attributes.size()), path);
    }

    private static void addCommunities(List<PathAttribute> attributes, List<Community> added) {
        Set<Community> all = new LinkedHashSet<>();
        int at = -1;
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i) instanceof Communities communities) {
                all.addAll(communities.communities());
                at = i;
            }
        }
        all.addAll(added);
        Communities merged = new Communities(List.copyOf(all));
        if (at >= 0) {
            attributes.set(at, merged);
        } else {
            attributes.add(merged);
        }
    }

    /** The session address when it is of the next hop's family, else the next hop unchanged. */
    private static byte[] selfOrKeep(byte[] nextHop, InetAddress self) {
        byte[] own = self.getAddress();
        boolean sameFamily = (own.length == 4) == (nextHop.length == 4);
        return sameFamily ? own : nextHop;
    }
}
