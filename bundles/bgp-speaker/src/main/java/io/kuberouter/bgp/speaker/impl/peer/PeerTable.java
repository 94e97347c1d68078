package io.kuberouter.bgp.speaker.impl.peer;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.Channel;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.impl.rib.PathSources;
import io.kuberouter.bgp.speaker.impl.session.MessageCounters;
import io.kuberouter.bgp.speaker.impl.transport.SocketOptions;

/** The configured peers by address, in the order they were added; routes accepted connections to them. */
public final class PeerTable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerTable.class);

    private final PeerServices services;
    private final Map<InetAddress, Peer> peers = new LinkedHashMap<>();
    private Set<Inet4Address> clusterIds = Set.of();

    public PeerTable(PeerServices services) {
        this.services = services;
        this.clusterIds = Set.of(services.speaker().routerId());
    }

    /** Adds and starts a peer. */
    public void add(PeerConfig config) {
        if (peers.containsKey(config.address())) {
            throw new IllegalArgumentException("peer " + config.address() + " exists");
        }
        PathSources sources = services.ribs().sources();
        int index = sources.reserve();
        sources.put(source(index, config));
        start(new Peer(services, config, sources.get(index), new MessageCounters()));
    }

    /** Replaces a peer's configuration; the session restarts with Cease / Other Configuration Change. */
    public void update(PeerConfig config) {
        Peer old = peers.get(config.address());
        if (old == null) {
            throw new IllegalArgumentException("no peer " + config.address());
        }
        if (old.config().equals(config)) {
            return;
        }
        old.stop(BgpError.CEASE_OTHER_CONFIGURATION_CHANGE.notification(Octets.EMPTY));
        services.ribs().sources().put(source(old.index(), config));
        start(new Peer(services, config, services.ribs().sources().get(old.index()), old.counters()));
    }

    /** Removes a peer with {@code notification}; false if there is none. */
    public boolean remove(InetAddress address, NotificationMessage notification) {
        Peer peer = peers.remove(address);
        if (peer == null) {
            return false;
        }
        peer.stop(notification);
        services.ribs().sources().remove(peer.index());
        configurationChanged();
        return true;
    }

    /** Hands an accepted connection to its peer; closes connections from unknown addresses. */
    public void accept(Channel channel) {
        InetAddress remote = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        Peer peer = peers.get(remote);
        if (peer == null) {
            LOG.info("connection from {}, not a configured peer: closed", remote);
            channel.close();
        } else {
            peer.accept(channel);
        }
    }

    public Peer get(InetAddress address) {
        return peers.get(address);
    }

    public Collection<Peer> all() {
        return peers.values();
    }

    /** The router id and every configured CLUSTER_ID (RFC 4456 §8 loop detection). */
    public Set<Inet4Address> clusterIds() {
        return clusterIds;
    }

    private void start(Peer peer) {
        peers.put(peer.config().address(), peer);
        configurationChanged();
        peer.start();
    }

    private void configurationChanged() {
        Set<Inet4Address> ids = new HashSet<>();
        ids.add(services.speaker().routerId());
        Map<InetAddress, byte[]> keys = new LinkedHashMap<>();
        for (Peer peer : peers.values()) {
            peer.config().clusterId().ifPresent(ids::add);
            peer.config().password().ifPresent(password -> keys.put(peer.config().address(), SocketOptions.md5Key(password)));
        }
        clusterIds = Set.copyOf(ids);
        services.transport().setListenKeys(keys);
    }

    private PathSource source(int index, PeerConfig config) {
        SpeakerConfig speaker = services.speaker();
        return new PathSource(index, config.address(), config.peerAsn() != speaker.asn(),
                config.routeReflectorClient(), 0, config.clusterId().orElse(speaker.routerId()));
    }
}
