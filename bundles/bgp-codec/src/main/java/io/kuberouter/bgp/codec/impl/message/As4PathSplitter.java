package io.kuberouter.bgp.codec.impl.message;

import java.util.ArrayList;
import java.util.List;

import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.Aggregator;
import io.kuberouter.bgp.codec.model.As4Aggregator;
import io.kuberouter.bgp.codec.model.As4Path;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.PathAttribute;

/**
 * The attributes to put on the wire for one session (RFC 6793 §4.2.2): over a 4-octet session
 * the model as is; otherwise AS_PATH and AGGREGATOR are written with AS_TRANS by their
 * serializers, and AS4_PATH / AS4_AGGREGATOR are appended when an AS number needs 4 octets.
 * AS4_PATH and AS4_AGGREGATOR found in the model are never sent as given.
 */
final class As4PathSplitter {

    private static final long MAX_TWO_OCTET_AS = 0xFFFF;

    private As4PathSplitter() {
    }

    static List<PathAttribute> wireAttributes(List<PathAttribute> attributes, PeerConstraints peer) {
        List<PathAttribute> wire = new ArrayList<>(attributes.size() + 2);
        attributes.stream().filter(attribute -> !(attribute instanceof As4Path || attribute instanceof As4Aggregator))
                .forEach(wire::add);
        if (!peer.fourOctetAs()) {
            wire.addAll(as4AttributesFor(wire));
        }
        return wire;
    }

    private static List<PathAttribute> as4AttributesFor(List<PathAttribute> attributes) {
        List<PathAttribute> as4 = new ArrayList<>(2);
        for (PathAttribute attribute : attributes) {
            if (attribute instanceof AsPath asPath && needsAs4Path(asPath)) {
                as4.add(new As4Path(withoutConfederations(asPath)));
            } else if (attribute instanceof Aggregator aggregator && aggregator.asNumber() > MAX_TWO_OCTET_AS) {
                as4.add(new As4Aggregator(aggregator.asNumber(), aggregator.address()));
            }
        }
        return as4;
    }

    /** A confederation-free segment holds an AS number that needs 4 octets. */
    private static boolean needsAs4Path(AsPath asPath) {
        return withoutConfederations(asPath).stream().map(AsPathSegment::asNumbers).flatMap(List::stream)
                .anyMatch(as -> as > MAX_TWO_OCTET_AS);
    }

    /** RFC 6793 §4.2.2: confederation segments are never put into AS4_PATH. */
    private static List<AsPathSegment> withoutConfederations(AsPath asPath) {
        return asPath.segments().stream().filter(segment -> !segment.type().isConfederation()).toList();
    }
}
