package io.kuberouter.bgp.speaker.impl.export;

import java.util.BitSet;

import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.IntList;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;
import io.kuberouter.bgp.speaker.impl.rib.PathTable;
import io.kuberouter.bgp.speaker.impl.rib.PrefixTable;

/**
 * The Adj-RIB-Out of one peer and family (RFC 4271 §3.2): the attributes advertised per prefix
 * id, and the prefixes whose advertisement must be re-decided, in arrival order. Holds a prefix id
 * reference per advertised and per pending prefix, and an attribute reference per advertised one.
 */
final class AdjRibOut {

    private final FamilyRib rib;
    private final AttributeInterner interner;
    private final IntObjectMap<PathAttributes> advertised = new IntObjectHashMap<>();
    private final BitSet pending = new BitSet();
    private final IntList queue = new IntList();
    private int queueHead;
    private boolean endOfRibDue;

    AdjRibOut(FamilyRib rib, AttributeInterner interner) {
        this.rib = rib;
        this.interner = interner;
    }

    FamilyRib rib() {
        return rib;
    }

    /** Queues a prefix for a new decision. */
    void markDirty(int prefixId) {
        if (!pending.get(prefixId)) {
            pending.set(prefixId);
            queue.add(prefixId);
            rib.prefixes().retain(prefixId);
        }
    }

    /** Queues every prefix with a best path or an advertisement. */
    void markAll() {
        PrefixTable prefixes = rib.prefixes();
        PathTable paths = rib.paths();
        for (int id = 0; id < prefixes.idBound(); id++) {
            if (prefixes.isLive(id) && (paths.best(id) != PathTable.NONE || advertised.containsKey(id))) {
                markDirty(id);
            }
        }
    }

    /** Forgets what was advertised, so that everything is sent again (RFC 2918 §4 route refresh). */
    void forgetAdvertised() {
        advertised.forEach((id, attributes) -> {
            interner.release(attributes);
            rib.prefixes().release(id);
        });
        advertised.clear();
    }

    /** The next queued prefix id, no longer pending (its reference passes to the caller), or -1. */
    int nextPending() {
        if (queueHead == queue.size()) {
            queue.clear();
            queueHead = 0;
            return -1;
        }
        int id = queue.get(queueHead++);
        pending.clear(id);
        return id;
    }

    boolean hasPending() {
        return queueHead < queue.size();
    }

    PathAttributes advertised(int prefixId) {
        return advertised.get(prefixId);
    }

    /** Records an advertisement (taking over the caller's reference) or, with null, a withdrawal. */
    void record(int prefixId, PathAttributes attributes) {
        PathAttributes previous = attributes == null ? advertised.remove(prefixId)
                : advertised.put(prefixId, attributes);
        if (previous == null && attributes != null) {
            rib.prefixes().retain(prefixId);
        } else if (previous != null && attributes == null) {
            rib.prefixes().release(prefixId);
        }
        interner.release(previous);
    }

    /** The advertisements, for queries: prefix id to attributes. */
    IntObjectMap<PathAttributes> advertisements() {
        return advertised;
    }

    int size() {
        return advertised.size();
    }

    /** End-of-RIB (RFC 4724 §2) is to follow once the queued initial advertisement is sent. */
    void expectEndOfRib() {
        endOfRibDue = true;
    }

    /** True once, when End-of-RIB is due and nothing is queued any more. */
    boolean takeEndOfRib() {
        if (endOfRibDue && !hasPending()) {
            endOfRibDue = false;
            return true;
        }
        return false;
    }

    /** Gives back every reference. */
    void close() {
        forgetAdvertised();
        for (int id = nextPending(); id >= 0; id = nextPending()) {
            rib.prefixes().release(id);
        }
    }
}
