package io.kuberouter.bgp.speaker.impl;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import io.netty.channel.EventLoop;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.spi.ExtensionRegistry;
import io.kuberouter.bgp.speaker.BestPathListener;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.LocalRoute;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.PeerStatus;
import io.kuberouter.bgp.speaker.Route;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import io.kuberouter.bgp.speaker.Subscription;
import io.kuberouter.bgp.speaker.impl.peer.Peer;
import io.kuberouter.bgp.speaker.impl.policy.PolicyEngine;
import io.kuberouter.bgp.speaker.impl.transport.Transport;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;

/** {@link BgpSpeaker} on Netty: each method runs on the speaker's loop and waits for it. */
public final class NettySpeaker implements BgpSpeaker {

    private final SpeakerConfig config;
    private final Transport transport;
    private final EventLoop loop;
    private final SpeakerCore core;
    private boolean closed;

    private NettySpeaker(SpeakerConfig config, Transport transport, SpeakerCore core) {
        this.config = config;
        this.transport = transport;
        this.loop = transport.loop();
        this.core = core;
    }

    /** Starts a speaker with the codec of {@code registry}. */
    public static NettySpeaker start(SpeakerConfig config, ExtensionRegistry registry) {
        Transport transport = Transport.start("bgp-" + config.routerId().getHostAddress());
        try {
            SpeakerCore core = new SpeakerCore(config, transport, registry.codec(), registry.attributes());
            NettySpeaker speaker = new NettySpeaker(config, transport, core);
            transport.listen(config.listenAddresses(), config.listenPort(), channel -> core.peers().accept(channel));
            return speaker;
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    @Override
    public SpeakerConfig config() {
        return config;
    }

    @Override
    public void addPeer(PeerConfig peer) {
        run(() -> core.peers().add(peer));
    }

    @Override
    public void updatePeer(PeerConfig peer) {
        run(() -> core.peers().update(peer));
    }

    @Override
    public void removePeer(InetAddress address) {
        run(() -> core.removePeer(address, BgpError.CEASE_PEER_DECONFIGURED.notification(Octets.EMPTY)));
    }

    @Override
    public void originate(LocalRoute route) {
        run(() -> {
            core.localRoutes().originate(route);
            core.ribChanged();
        });
    }

    @Override
    public void withdraw(IpPrefix prefix) {
        run(() -> {
            core.localRoutes().withdraw(prefix);
            core.ribChanged();
        });
    }

    @Override
    public void setPolicy(RoutingPolicy policy) {
        PolicyEngine engine = PolicyEngine.compile(policy);
        run(() -> core.setPolicy(engine));
    }

    @Override
    public Subscription subscribe(BestPathListener listener) {
        run(() -> core.subscribe(listener));
        return () -> run(() -> core.unsubscribe(listener));
    }

    @Override
    public List<PeerStatus> peers() {
        return call(() -> {
            RibQueries queries = queries();
            return core.peers().all().stream().map(queries::status).toList();
        });
    }

    @Override
    public List<Route> localRib(AddressFamily family) {
        return call(() -> queries().localRib(family));
    }

    @Override
    public int localRibSize(AddressFamily family) {
        return call(() -> core.ribs().get(family) == null ? 0 : core.ribs().get(family).selectedCount());
    }

    @Override
    public List<Route> adjRibIn(InetAddress peer, AddressFamily family) {
        return call(() -> {
            Peer found = core.peers().get(peer);
            return found == null ? List.of() : queries().adjRibIn(found, family);
        });
    }

    @Override
    public List<Route> adjRibOut(InetAddress peer, AddressFamily family) {
        return call(() -> {
            Peer found = core.peers().get(peer);
            return found == null ? List.of() : queries().adjRibOut(found, family);
        });
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        run(core::shutdown);
        transport.close();
    }

    private RibQueries queries() {
        return new RibQueries(core.ribs(), core.peers());
    }

    private void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private <T> T call(Callable<T> action) {
        try {
            return loop.inEventLoop() ? action.call() : loop.submit(action).get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the BGP speaker", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
