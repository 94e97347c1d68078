package io.kuberouter.bgp.speaker.impl.rib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.MpUnreachNlri;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.PathAttribute;

/**
 * Interns path attribute sets: equal sets become one {@link PathAttributes} object, counted by
 * reference and dropped with the last one. {@link #intern} hands out one reference; whoever
 * stores the set takes another with {@link #retain} and gives each back with {@link #release}.
 */
public final class AttributeInterner {

    private final AttributeCodec codec;
    private final Map<PathAttributes, PathAttributes> table = new HashMap<>();

    public AttributeInterner(AttributeCodec codec) {
        this.codec = codec;
    }

    /**
     * The interned set of {@code attributes} with {@code nextHop}, holding one reference for the
     * caller. NEXT_HOP, MP_REACH_NLRI and MP_UNREACH_NLRI in {@code attributes} are ignored: the
     * next hop is kept apart and NLRI are not attributes of a path.
     */
    public PathAttributes intern(List<PathAttribute> attributes, byte[] nextHop) {
        List<PathAttribute> pathOnly = withoutNlriAttributes(attributes);
        PathAttributes probe = PathAttributes.probe(codec.encode(pathOnly), nextHop.clone());
        PathAttributes interned = table.get(probe);
        if (interned == null) {
            interned = PathAttributes.of(probe, SelectionFields.of(pathOnly));
            table.put(interned, interned);
        }
        interned.references++;
        return interned;
    }

    /** Takes one more reference. */
    public void retain(PathAttributes attributes) {
        attributes.references++;
    }

    /** Gives one reference back; the set is forgotten with the last one. Null is ignored. */
    public void release(PathAttributes attributes) {
        if (attributes != null && --attributes.references == 0) {
            table.remove(attributes);
        }
    }

    /** The attributes of an interned set as model objects (without next hop). */
    public List<PathAttribute> decode(PathAttributes attributes) {
        return codec.decode(attributes.wire());
    }

    /** Number of distinct sets held. */
    public int size() {
        return table.size();
    }

    private static List<PathAttribute> withoutNlriAttributes(List<PathAttribute> attributes) {
        List<PathAttribute> kept = new ArrayList<>(attributes.size());
        for (PathAttribute attribute : attributes) {
            if (!(attribute instanceof NextHop || attribute instanceof MpReachNlri
                    || attribute instanceof MpUnreachNlri)) {
                kept.add(attribute);
            }
        }
        return kept;
    }
}
