package io.kuberouter.bgp.speaker.impl.rib;

import java.util.List;

import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.LocalPref;
import io.kuberouter.bgp.codec.model.MultiExitDisc;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.OriginType;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.SegmentType;

/** The attribute values best-path selection and export rules read, decoded once per interned set. */
record SelectionFields(int origin, int asPathLength, long neighborAs, long med, long localPref, long originatorId,
        int clusterListLength, int wellKnownCommunities) {

    static SelectionFields of(List<PathAttribute> attributes) {
        int origin = OriginType.INCOMPLETE.code();
        AsPath path = AsPath.EMPTY;
        long med = PathAttributes.ABSENT;
        long localPref = PathAttributes.ABSENT;
        long originatorId = PathAttributes.ABSENT;
        int clusterListLength = 0;
        int communities = 0;
        for (PathAttribute attribute : attributes) {
            if (attribute instanceof Origin value) {
                origin = value.type().code();
            } else if (attribute instanceof AsPath value) {
                path = value;
            } else if (attribute instanceof MultiExitDisc value) {
                med = value.value();
            } else if (attribute instanceof LocalPref value) {
                localPref = value.value();
            } else if (attribute instanceof OriginatorId value) {
                originatorId = NextHops.unsigned(value.originator());
            } else if (attribute instanceof ClusterList value) {
                clusterListLength = value.clusterIds().size();
            } else if (attribute instanceof Communities value) {
                communities = wellKnown(value.communities());
            }
        }
        return new SelectionFields(origin, path.pathLength(), neighborAs(path), med, localPref, originatorId,
                clusterListLength, communities);
    }

    /** RFC 4271 §9.1.2.2 c: the neighbor AS is the first AS of a leading AS_SEQUENCE. */
    private static long neighborAs(AsPath path) {
        if (path.segments().isEmpty()) {
            return 0;
        }
        AsPathSegment first = path.segments().get(0);
        return first.type() == SegmentType.AS_SEQUENCE ? first.asNumbers().get(0) : 0;
    }

    private static int wellKnown(List<Community> communities) {
        int bits = 0;
        for (Community community : communities) {
            if (community.equals(Community.NO_EXPORT)) {
                bits |= PathAttributes.NO_EXPORT;
            } else if (community.equals(Community.NO_ADVERTISE)) {
                bits |= PathAttributes.NO_ADVERTISE;
            } else if (community.equals(Community.NO_EXPORT_SUBCONFED)) {
                bits |= PathAttributes.NO_EXPORT_SUBCONFED;
            }
        }
        return bits;
    }
}
