package io.kuberouter.bgp.speaker.impl.peer;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.ScheduledFuture;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.SessionState;
import io.kuberouter.bgp.speaker.impl.session.SessionHandler;
import io.kuberouter.bgp.speaker.impl.session.SessionPipeline;
import io.kuberouter.bgp.speaker.impl.transport.SocketOptions;

/**
 * The TCP connections of one peer (RFC 4271 §8): at most one this side opened and one the peer
 * opened, so that collisions can be resolved (§6.8). The ConnectRetryTimer, jittered to 75–100 %
 * (§10), starts a connection when there is none and the peer is not passive; a failed attempt
 * leaves the peer Active until the next expiry.
 */
final class Connections {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private final Peer peer;
    private final PeerServices services;
    private SessionHandler outbound;
    private SessionHandler inbound;
    private ChannelFuture connecting;
    private ScheduledFuture<?> retryTimer;
    private boolean stopped;

    Connections(Peer peer, PeerServices services) {
        this.peer = peer;
        this.services = services;
    }

    /** Automatic start: the first attempt right away, then at every ConnectRetryTimer expiry. */
    void start() {
        retryTimer = services.transport().loop().schedule(this::retry, 0, TimeUnit.MILLISECONDS);
    }

    /** Ends both connections with {@code notification} and stops connecting. */
    void stop(NotificationMessage notification) {
        stopped = true;
        if (retryTimer != null) {
            retryTimer.cancel(false);
        }
        if (connecting != null) {
            connecting.channel().close();
        }
        for (SessionHandler session : new SessionHandler[] {outbound, inbound}) {
            if (session != null) {
                session.close(notification);
            }
        }
    }

    /** Takes a connection the peer opened; the older one it replaces, unless established, is closed. */
    void accept(Channel channel) {
        if (stopped) {
            channel.close();
            return;
        }
        if (inbound != null && inbound.state() != SessionState.ESTABLISHED) {
            inbound.channel().close();
        }
        PeerConfig config = peer.config();
        if (peer.ttl() > 0) {
            SocketOptions.setTtl(channel, config.address(), peer.ttl());
        }
        inbound = SessionPipeline.install(channel, services.codec(), peer, peer.localOpen(), true);
    }

    /** The other connection of the peer than {@code session}, or null. */
    SessionHandler other(SessionHandler session) {
        SessionHandler other = session == outbound ? inbound : outbound;
        return other == session ? null : other;
    }

    /** A connection closed. */
    void closed(SessionHandler session) {
        if (session == outbound) {
            outbound = null;
        }
        if (session == inbound) {
            inbound = null;
        }
    }

    /** The most advanced state among the connections, else Connect, Active or Idle. */
    SessionState state() {
        SessionState best = null;
        for (SessionHandler session : new SessionHandler[] {outbound, inbound}) {
            if (session != null && (best == null || session.state().compareTo(best) > 0)) {
                best = session.state();
            }
        }
        if (best != null) {
            return best;
        }
        return stopped ? SessionState.IDLE : SessionState.ACTIVE;
    }

    private void retry() {
        if (stopped) {
            return;
        }
        if (!peer.config().passive() && outbound == null && inbound == null) {
            connect();
        }
        long retryMillis = peer.config().connectRetryTime().toMillis();
        long jittered = retryMillis - ThreadLocalRandom.current().nextLong(retryMillis / 4 + 1);
        retryTimer = services.transport().loop().schedule(this::retry, jittered, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        PeerConfig config = peer.config();
        ChannelFuture attempt = services.transport().connect(new InetSocketAddress(config.address(), config.port()),
                config.localAddress(), config.password().map(SocketOptions::md5Key), peer.ttl(),
                channel -> outbound = SessionPipeline.install(channel, services.codec(), peer, peer.localOpen(), false));
        connecting = attempt;
        attempt.addListener(done -> {
            if (connecting == attempt) {
                connecting = null;
            }
            if (!done.isSuccess()) {
                LOG.debug("connection to {} failed: {}", config.address(), done.cause().toString());
                if (outbound != null && outbound.channel() == attempt.channel()) {
                    outbound = null;
                }
            }
        });
    }
}
