package io.kuberouter.bgp.speaker.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.speaker.BestPathChange;
import io.kuberouter.bgp.speaker.PeerCounters;
import io.kuberouter.bgp.speaker.PeerStatus;
import io.kuberouter.bgp.speaker.Route;
import io.kuberouter.bgp.speaker.impl.peer.Peer;
import io.kuberouter.bgp.speaker.impl.peer.PeerHistory;
import io.kuberouter.bgp.speaker.impl.peer.PeerTable;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.impl.rib.PathSources;
import io.kuberouter.bgp.speaker.impl.rib.PathTable;
import io.kuberouter.bgp.speaker.impl.rib.Ribs;
import io.kuberouter.bgp.speaker.impl.session.MessageCounters;
import io.kuberouter.bgp.speaker.impl.session.Negotiation;

/** Snapshots of RIBs and peers as API values, taken on the speaker's loop. */
final class RibQueries {

    private final Ribs ribs;
    private final PeerTable peers;
    private final RouteViews views;

    RibQueries(Ribs ribs, PeerTable peers) {
        this.ribs = ribs;
        this.peers = peers;
        this.views = new RouteViews(ribs.interner());
    }

    /** The change reporting prefix {@code prefixId}'s best row (none: a withdrawal). */
    static BestPathChange change(FamilyRib rib, int prefixId, int row, PathSources sources, RouteViews views) {
        var prefix = rib.prefixes().prefix(prefixId);
        if (row == PathTable.NONE) {
            return new BestPathChange(prefix, Optional.empty());
        }
        return new BestPathChange(prefix, Optional.of(route(rib, prefixId, row, sources, views, false)));
    }

    /** The whole Loc-RIB as changes, for a new subscriber, in batches of at most {@code batchSize}. */
    void bestPathChanges(int batchSize, Consumer<List<BestPathChange>> sink) {
        List<BestPathChange> changes = new ArrayList<>();
        for (FamilyRib rib : ribs.all()) {
            forEachBest(rib, (id, row) -> {
                changes.add(change(rib, id, row, ribs.sources(), views));
                if (changes.size() == batchSize) {
                    sink.accept(List.copyOf(changes));
                    changes.clear();
                }
            });
        }
        if (!changes.isEmpty()) {
            sink.accept(List.copyOf(changes));
        }
    }

    List<Route> localRib(AddressFamily family) {
        List<Route> routes = new ArrayList<>();
        FamilyRib rib = ribs.get(family);
        if (rib != null) {
            forEachBest(rib, (id, row) -> routes.add(route(rib, id, row, ribs.sources(), views, false)));
        }
        return routes;
    }

    List<Route> adjRibIn(Peer peer, AddressFamily family) {
        List<Route> routes = new ArrayList<>();
        FamilyRib rib = ribs.get(family);
        if (rib == null) {
            return routes;
        }
        PathTable paths = rib.paths();
        for (int id = 0; id < rib.prefixes().idBound(); id++) {
            for (int row = paths.first(id); row != PathTable.NONE; row = paths.next(row)) {
                if (paths.source(row) == peer.index()) {
                    routes.add(route(rib, id, row, ribs.sources(), views, true));
                }
            }
        }
        return routes;
    }

    List<Route> adjRibOut(Peer peer, AddressFamily family) {
        List<Route> routes = new ArrayList<>();
        if (peer.exporter() != null) {
            peer.exporter().forEachAdvertised(family,
                    (prefix, attributes) -> routes.add(views.route(prefix, attributes, Optional.empty(), false)));
        }
        return routes;
    }

    PeerStatus status(Peer peer) {
        PeerHistory history = peer.history();
        Negotiation negotiation = peer.session() == null ? null : peer.session().negotiation();
        return new PeerStatus(peer.config().address(), peer.config().peerAsn(), peer.state(),
                history.establishedSince(), history.remoteRouterId(),
                negotiation == null ? 0 : negotiation.holdTime(),
                negotiation == null ? Set.of() : negotiation.families(), peer.hasStaleRoutes(),
                history.lastNotification(), counters(peer));
    }

    private PeerCounters counters(Peer peer) {
        MessageCounters messages = peer.counters();
        long received = 0;
        long accepted = 0;
        for (FamilyRib rib : ribs.all()) {
            received += rib.receivedCount(peer.index());
            accepted += rib.acceptedCount(peer.index());
        }
        long advertised = peer.exporter() == null ? 0 : peer.exporter().advertisedCount();
        return new PeerCounters(messages.sent(1), messages.received(1), messages.sent(2), messages.received(2),
                messages.sent(4), messages.received(4), messages.sent(3), messages.received(3), messages.received(5),
                peer.history().establishedTransitions(), received, accepted, advertised);
    }

    private static Route route(FamilyRib rib, int id, int row, PathSources sources, RouteViews views, boolean received) {
        PathTable paths = rib.paths();
        PathSource source = sources.get(paths.source(row));
        var attributes = received ? paths.received(row) : paths.effective(row);
        return views.route(rib.prefixes().prefix(id), attributes,
                source.isLocal() ? Optional.empty() : Optional.of(source.address()), paths.isStale(row));
    }

    private static void forEachBest(FamilyRib rib, RowVisitor visitor) {
        PathTable paths = rib.paths();
        for (int id = 0; id < rib.prefixes().idBound(); id++) {
            int row = paths.best(id);
            if (row != PathTable.NONE) {
                visitor.visit(id, row);
            }
        }
    }

    @FunctionalInterface
    private interface RowVisitor {
        void visit(int prefixId, int row);
    }
}
