package io.kuberouter.bgp.speaker.impl;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.kuberouter.bgp.speaker.GracefulRestartConfig;
import io.kuberouter.bgp.speaker.impl.peer.Peer;

/**
 * Route selection deferral of a restarting speaker (RFC 4724 §4.1): after start, while graceful
 * restart is enabled, best paths are neither reported nor advertised until every peer that has
 * graceful restart configured has sent End-of-RIB for all its families, or the deferral timer
 * expires.
 */
final class SelectionDeferral {

    private final Runnable onEnd;
    private boolean active;
    private ScheduledFuture<?> timer;

    SelectionDeferral(EventLoop loop, GracefulRestartConfig config, Runnable onEnd) {
        this.onEnd = onEnd;
        if (config.enabled()) {
            active = true;
            timer = loop.schedule(this::end, config.deferralTime().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    boolean isActive() {
        return active;
    }

    /** Ends the deferral when every graceful-restart peer has sent its initial routes. */
    void check(Collection<Peer> peers) {
        if (active && peers.stream().filter(peer -> peer.config().gracefulRestart())
                .allMatch(Peer::sentInitialRoutes)) {
            end();
        }
    }

    /** Ends the deferral now (also when the speaker closes). */
    void end() {
        if (!active) {
            return;
        }
        active = false;
        timer.cancel(false);
        onEnd.run();
    }
}
