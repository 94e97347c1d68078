package io.kuberouter.bgp.speaker.impl.peer;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.Channel;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.SessionState;
import io.kuberouter.bgp.speaker.impl.export.ExportTarget;
import io.kuberouter.bgp.speaker.impl.export.PeerExporter;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.NextHops;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.impl.session.LocalOpen;
import io.kuberouter.bgp.speaker.impl.session.MessageCounters;
import io.kuberouter.bgp.speaker.impl.session.Negotiation;
import io.kuberouter.bgp.speaker.impl.session.SessionEnd;
import io.kuberouter.bgp.speaker.impl.session.SessionHandler;
import io.kuberouter.bgp.speaker.impl.session.SessionOwner;

/**
 * One configured peer: its connections, its established session, the routes it sent, and what is
 * advertised to it. Resolves connection collisions (RFC 4271 §6.8), treats a new OPEN from a
 * graceful-restart peer that went silent on its established session as the end of that session
 * (RFC 4724 §4.2), and keeps or drops the peer's routes when the session ends.
 */
public final class Peer implements SessionOwner {

    private static final Logger LOG = LoggerFactory.getLogger(Peer.class);
    private static final NotificationMessage COLLISION =
            BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.notification(Octets.EMPTY);

    private final PeerServices services;
    private final PeerConfig config;
    private final PathSource initialSource;
    private final MessageCounters counters;
    private final Connections connections;
    private final StaleRoutes stale;
    private final PeerHistory history = new PeerHistory();
    private final Set<AddressFamily> endOfRibReceived = new HashSet<>();
    private SessionHandler established;
    private PeerExporter exporter;

    Peer(PeerServices services, PeerConfig config, PathSource source, MessageCounters counters) {
        this.services = services;
        this.config = config;
        this.initialSource = source;
        this.counters = counters;
        this.connections = new Connections(this, services);
        this.stale = new StaleRoutes(source.index(), services.ribs(), services.transport().loop(),
                services::ribChanged);
    }

    public PeerConfig config() {
        return config;
    }

    /** The source index of this peer's paths. */
    public int index() {
        return initialSource.index();
    }

    void start() {
        connections.start();
    }

    /** Ends the peer: sessions closed with {@code notification}, its routes withdrawn at once. */
    void stop(NotificationMessage notification) {
        connections.stop(notification);
        if (established != null) {
            closeExporter();
            established = null;
        }
        stale.clear();
        services.ribs().all().forEach(rib -> rib.removePaths(index(), false));
        services.ribChanged();
    }

    void accept(Channel channel) {
        connections.accept(channel);
    }

    /**
     * The IP TTL of the session's packets: the multihop TTL for external peers when it is at
     * least 2, else 1 (directly connected); 0 (system default) for internal peers.
     */
    int ttl() {
        if (config.peerAsn() == services.speaker().asn()) {
            return 0;
        }
        return config.multihopTtl() >= 2 ? config.multihopTtl() : 1;
    }

    /** The OPEN side of this peer's next connection. */
    LocalOpen localOpen() {
        return LocalOpens.of(services.speaker(), config, services.restarting());
    }

    public SessionState state() {
        return established != null ? SessionState.ESTABLISHED : connections.state();
    }

    /** The established session, or null. */
    public SessionHandler session() {
        return established;
    }

    /** The exporter of the established session, or null. */
    public PeerExporter exporter() {
        return exporter;
    }

    public PeerHistory history() {
        return history;
    }

    public boolean hasStaleRoutes() {
        return stale.isActive();
    }

    /** True when established and End-of-RIB arrived for every negotiated family (RFC 4724 §4.1). */
    public boolean sentInitialRoutes() {
        return established != null && endOfRibReceived.containsAll(established.negotiation().families());
    }

    @Override
    public MessageCounters counters() {
        return counters;
    }

    @Override
    public Optional<NotificationMessage> openReceived(SessionHandler session) {
        if (established != null) {
            // RFC 4271 §6.8: a collision with an Established connection closes the new one, unless the
            // graceful-restart peer went silent: then it restarted and the old session is gone (RFC 4724 §4.2)
            if (established.negotiation().peerGracefulRestart().isEmpty() || !established.peerSilent()) {
                return Optional.of(COLLISION);
            }
            LOG.info("{}: new connection of a silent graceful-restart peer ends the old session", config.address());
            SessionHandler old = established;
            sessionDown(SessionEnd.CONNECTION_LOST);
            old.channel().close();
            return Optional.empty();
        }
        SessionHandler other = connections.other(session);
        if (other == null || other.state() != SessionState.OPEN_CONFIRM) {
            return Optional.empty();
        }
        long local = NextHops.unsigned(services.speaker().routerId());
        long remote = NextHops.unsigned(session.negotiation().peerRouterId());
        boolean keepInbound = local < remote;
        if (session.isInbound() != keepInbound) {
            return Optional.of(COLLISION);
        }
        other.close(COLLISION);
        return Optional.empty();
    }

    @Override
    public void established(SessionHandler session) {
        SessionHandler other = connections.other(session);
        if (other != null) {
            other.close(COLLISION);
        }
        established = session;
        Negotiation negotiation = session.negotiation();
        history.established(negotiation.peerRouterId());
        endOfRibReceived.clear();
        services.ribs().sources().put(source().withRouterId(NextHops.unsigned(negotiation.peerRouterId())));
        stale.sessionUp(negotiation.peerGracefulRestart().orElse(null), services.speaker().gracefulRestart().restartTime());
        exporter = new PeerExporter(session, new ExportTarget(source(), services.speaker().asn(),
                ((InetSocketAddress) session.channel().localAddress()).getAddress()), ribsOf(negotiation),
                services.exportRules(), services.ribs().interner(), services.codec());
        if (!services.restarting()) {
            exporter.advertiseAll();
        }
        LOG.info("{}: session established, families {}", config.address(), negotiation.families());
        services.ribChanged();
    }

    @Override
    public void updateReceived(SessionHandler session, UpdateMessage update) {
        Set<AddressFamily> families = session.negotiation().families();
        services.updates().apply(source(), families, update);
        update.endOfRibFamily().ifPresent(family -> {
            endOfRibReceived.add(family);
            stale.endOfRib(family);
            services.endOfRibReceived();
        });
    }

    @Override
    public void withdrawReceived(SessionHandler session, Map<AddressFamily, List<IpPrefix>> withdrawn) {
        services.updates().withdraw(source(), session.negotiation().families(), withdrawn);
    }

    @Override
    public void routeRefreshRequested(SessionHandler session, AddressFamily family) {
        if (exporter != null) {
            exporter.refresh(family);
        }
    }

    @Override
    public void readComplete(SessionHandler session) {
        services.ribChanged();
    }

    @Override
    public void writable(SessionHandler session) {
        if (session == established && exporter != null) {
            exporter.write();
        }
    }

    @Override
    public void closed(SessionHandler session, SessionEnd end) {
        connections.closed(session);
        end.notification().ifPresent(history::notification);
        if (session == established) {
            sessionDown(end);
        }
    }

    private void sessionDown(SessionEnd end) {
        Negotiation negotiation = established.negotiation();
        closeExporter();
        established = null;
        history.down();
        boolean kept = end.keepsRoutes() && negotiation.peerGracefulRestart()
                .map(capability -> stale.retain(capability, negotiation.families())).orElse(false);
        if (!kept) {
            stale.clear();
            services.ribs().all().forEach(rib -> rib.removePaths(index(), false));
        }
        LOG.info("{}: session down{}", config.address(), kept ? ", routes kept for graceful restart" : "");
        services.ribChanged();
    }

    private void closeExporter() {
        if (exporter != null) {
            exporter.close();
            exporter = null;
        }
    }

    private PathSource source() {
        return services.ribs().sources().get(index());
    }

    private List<FamilyRib> ribsOf(Negotiation negotiation) {
        return negotiation.families().stream().map(services.ribs()::get).filter(rib -> rib != null).toList();
    }
}
