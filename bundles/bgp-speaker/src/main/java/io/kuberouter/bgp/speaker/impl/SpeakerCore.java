package io.kuberouter.bgp.speaker.impl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.spi.AttributeRegistry;
import io.kuberouter.bgp.speaker.BestPathChange;
import io.kuberouter.bgp.speaker.BestPathListener;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import io.kuberouter.bgp.speaker.impl.export.ExportRules;
import io.kuberouter.bgp.speaker.impl.export.PeerExporter;
import io.kuberouter.bgp.speaker.impl.peer.ImportRules;
import io.kuberouter.bgp.speaker.impl.peer.Peer;
import io.kuberouter.bgp.speaker.impl.peer.PeerServices;
import io.kuberouter.bgp.speaker.impl.peer.PeerTable;
import io.kuberouter.bgp.speaker.impl.peer.UpdateProcessor;
import io.kuberouter.bgp.speaker.impl.policy.PolicyEngine;
import io.kuberouter.bgp.speaker.impl.rib.AttributeCodec;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.NextHops;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.impl.rib.PathSources;
import io.kuberouter.bgp.speaker.impl.rib.Ribs;
import io.kuberouter.bgp.speaker.impl.transport.Transport;

/**
 * The state of one speaker, confined to its loop: peers, RIBs, policy, local routes, listeners.
 * RIB changes are collected while messages are processed and handed on once per loop turn
 * ({@link #flush}): to the listeners in batches and to every established peer's Adj-RIB-Out.
 */
final class SpeakerCore implements PeerServices {

    /** Most changes per listener call, so that a whole-table change never sits in memory at once. */
    static final int LISTENER_BATCH = 4096;

    private final SpeakerConfig config;
    private final Transport transport;
    private final BgpCodec codec;
    private final Ribs ribs;
    private final PeerTable peers;
    private final ImportRules imports;
    private final UpdateProcessor updates;
    private final ExportRules exportRules;
    private final LocalRoutes localRoutes;
    private final Listeners listeners = new Listeners();
    private final SelectionDeferral deferral;
    private PolicyEngine policy = PolicyEngine.ACCEPT_ALL;
    private boolean flushScheduled;

    SpeakerCore(SpeakerConfig config, Transport transport, BgpCodec codec, AttributeRegistry attributes) {
        this.config = config;
        this.transport = transport;
        this.codec = codec;
        AttributeInterner interner = new AttributeInterner(new AttributeCodec(attributes));
        this.ribs = new Ribs(interner, new PathSources(new PathSource(PathSource.LOCAL_INDEX, config.routerId(),
                false, false, NextHops.unsigned(config.routerId()), config.routerId())));
        this.peers = new PeerTable(this);
        this.imports = new ImportRules(config.asn(), config.routerId(), peers::clusterIds, interner, () -> policy);
        this.updates = new UpdateProcessor(ribs, imports);
        this.exportRules = new ExportRules(ribs.sources(), interner, () -> policy);
        this.localRoutes = new LocalRoutes(ribs);
        this.deferral = new SelectionDeferral(transport.loop(), config.gracefulRestart(), this::deferralEnded);
    }

    PeerTable peers() {
        return peers;
    }

    LocalRoutes localRoutes() {
        return localRoutes;
    }

    void removePeer(InetAddress address, NotificationMessage notification) {
        peers.remove(address, notification);
        deferral.check(peers.all());
    }

    void setPolicy(PolicyEngine engine) {
        policy = engine;
        for (FamilyRib rib : ribs.all()) {
            rib.reimport(imports::effective);
        }
        imports.endBatch();
        peers.all().stream().map(Peer::exporter).filter(exporter -> exporter != null).forEach(PeerExporter::reevaluate);
        ribChanged();
    }

    /** Subscribes {@code listener}, first handing it the current Loc-RIB. */
    void subscribe(BestPathListener listener) {
        if (!deferral.isActive()) {
            new RibQueries(ribs, peers).bestPathChanges(LISTENER_BATCH, batch -> Listeners.deliver(listener, batch));
        }
        listeners.add(listener);
    }

    void unsubscribe(BestPathListener listener) {
        listeners.remove(listener);
    }

    /** Ends every session with Cease / Administrative Shutdown. */
    void shutdown() {
        deferral.end();
        NotificationMessage shutdown = BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN.notification(Octets.EMPTY);
        List.copyOf(peers.all()).forEach(peer -> peers.remove(peer.config().address(), shutdown));
    }

    @Override
    public SpeakerConfig speaker() {
        return config;
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public BgpCodec codec() {
        return codec;
    }

    @Override
    public Ribs ribs() {
        return ribs;
    }

    @Override
    public UpdateProcessor updates() {
        return updates;
    }

    @Override
    public ExportRules exportRules() {
        return exportRules;
    }

    @Override
    public boolean restarting() {
        return deferral.isActive();
    }

    @Override
    public void endOfRibReceived() {
        deferral.check(peers.all());
    }

    @Override
    public void ribChanged() {
        if (!flushScheduled) {
            flushScheduled = true;
            transport.loop().execute(this::flush);
        }
    }

    /** Hands the collected RIB changes to listeners and Adj-RIBs-Out (RFC 4271 §9.1.3). */
    private void flush() {
        flushScheduled = false;
        imports.endBatch();
        if (deferral.isActive()) {
            return;
        }
        List<PeerExporter> exporters = peers.all().stream().map(Peer::exporter).filter(e -> e != null).toList();
        List<BestPathChange> changes = new ArrayList<>();
        RouteViews views = new RouteViews(ribs.interner());
        for (FamilyRib rib : ribs.all()) {
            AddressFamily family = rib.family();
            rib.drainChanges((prefixId, row) -> {
                exporters.forEach(exporter -> exporter.markDirty(family, prefixId));
                if (!listeners.isEmpty()) {
                    changes.add(RibQueries.change(rib, prefixId, row, ribs.sources(), views));
                    deliverFull(changes);
                }
            });
        }
        listeners.deliver(changes);
        exporters.forEach(PeerExporter::write);
    }

    private void deliverFull(List<BestPathChange> changes) {
        if (changes.size() == LISTENER_BATCH) {
            listeners.deliver(changes);
            changes.clear();
        }
    }

    /** RFC 4724 §4.1: selection deferral is over – report, then advertise everything with End-of-RIB. */
    private void deferralEnded() {
        flush();
        peers.all().stream().map(Peer::exporter).filter(e -> e != null).forEach(PeerExporter::advertiseAll);
    }
}
