package io.kuberouter.bgp.speaker.impl.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;
import io.kuberouter.bgp.speaker.impl.session.SessionHandler;

/**
 * Advertises the Loc-RIB to one established peer (RFC 4271 §9.2): keeps its Adj-RIBs-Out, decides
 * each queued prefix again, and sends only the differences, grouped by attributes. Writes while
 * the channel is writable and resumes when it drains, so a large table never piles up in memory.
 * After the initial advertisement of a family it sends End-of-RIB (RFC 4724 §2).
 */
public final class PeerExporter {

    /** Prefixes decided per round between flushes. */
    private static final int ROUND = 1024;

    private final SessionHandler session;
    private final ExportTarget target;
    private final ExportRules rules;
    private final AttributeInterner interner;
    private final UpdatePacker packer;
    private final RewriteMemo memo;
    private final Map<AddressFamily, AdjRibOut> out = new LinkedHashMap<>();

    public PeerExporter(SessionHandler session, ExportTarget target, List<FamilyRib> ribs, ExportRules rules,
            AttributeInterner interner, BgpCodec codec) {
        this.session = session;
        this.target = target;
        this.rules = rules;
        this.interner = interner;
        this.packer = new UpdatePacker(codec, session.negotiation().constraints());
        this.memo = new RewriteMemo(interner);
        ribs.forEach(rib -> out.put(rib.family(), new AdjRibOut(rib, interner)));
    }

    /** Queues the whole Loc-RIB, to be followed by End-of-RIB per family, and starts writing. */
    public void advertiseAll() {
        out.values().forEach(adj -> {
            adj.markAll();
            adj.expectEndOfRib();
        });
        write();
    }

    /** Queues one changed prefix of {@code family}; {@link #write} sends it. */
    public void markDirty(AddressFamily family, int prefixId) {
        AdjRibOut adj = out.get(family);
        if (adj != null) {
            adj.markDirty(prefixId);
        }
    }

    /** Re-decides every prefix, e.g. after an export policy change. */
    public void reevaluate() {
        out.values().forEach(AdjRibOut::markAll);
        write();
    }

    /** Sends the whole Adj-RIB-Out of {@code family} again (RFC 2918 §4). */
    public void refresh(AddressFamily family) {
        AdjRibOut adj = out.get(family);
        if (adj != null) {
            adj.forgetAdvertised();
            adj.markAll();
            write();
        }
    }

    /** Sends queued changes while the channel is writable. */
    public void write() {
        for (Map.Entry<AddressFamily, AdjRibOut> entry : out.entrySet()) {
            AdjRibOut adj = entry.getValue();
            while (adj.hasPending() && session.isWritable()) {
                writeRound(entry.getKey(), adj);
                session.flush();
            }
            if (adj.takeEndOfRib()) {
                session.write(UpdateMessage.endOfRib(entry.getKey()));
                session.flush();
            }
        }
        memo.clear();
    }

    /** Number of prefixes advertised, all families. */
    public int advertisedCount() {
        return out.values().stream().mapToInt(AdjRibOut::size).sum();
    }

    /** Visits the advertisements of {@code family}: prefix and attributes. */
    public void forEachAdvertised(AddressFamily family, BiConsumer<IpPrefix, PathAttributes> visitor) {
        AdjRibOut adj = out.get(family);
        if (adj != null) {
            adj.advertisements().forEach((id, attributes) -> visitor.accept(adj.rib().prefixes().prefix(id), attributes));
        }
    }

    /** Gives back every reference; the exporter is not used afterwards. */
    public void close() {
        out.values().forEach(AdjRibOut::close);
        memo.clear();
    }

    private void writeRound(AddressFamily family, AdjRibOut adj) {
        List<IpPrefix> withdrawn = new ArrayList<>();
        Map<PathAttributes, List<IpPrefix>> announced = new LinkedHashMap<>();
        for (int n = 0; n < ROUND; n++) {
            int id = adj.nextPending();
            if (id < 0) {
                break;
            }
            PathAttributes decision = rules.decide(target, adj.rib(), id, memo);
            if (decision == adj.advertised(id)) {
                interner.release(decision);
            } else {
                IpPrefix prefix = adj.rib().prefixes().prefix(id);
                if (decision == null) {
                    withdrawn.add(prefix);
                } else {
                    announced.computeIfAbsent(decision, key -> new ArrayList<>()).add(prefix);
                }
                adj.record(id, decision);
            }
            adj.rib().prefixes().release(id);
        }
        packer.withdrawals(family, withdrawn).forEach(session::write);
        announced.forEach((attributes, prefixes) -> packer.announcements(family, interner.decode(attributes),
                attributes.nextHop(), prefixes).forEach(session::write));
    }
}
