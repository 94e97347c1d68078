package io.kuberouter.bgp.speaker.impl.peer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability.ForwardingState;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.Ribs;

/**
 * The receiving speaker of graceful restart (RFC 4724 §4.2) for one peer: when its session drops,
 * its routes of the families in its capability stay, marked stale, for the Restart Time it
 * advertised; once the session is back, the stale routes of a family go with the peer's
 * End-of-RIB, at once when the new OPEN no longer preserves that family, or when the wait for
 * End-of-RIB times out.
 */
final class StaleRoutes {

    private final int source;
    private final Ribs ribs;
    private final EventLoop loop;
    private final Runnable changed;
    private final Set<AddressFamily> stale = new HashSet<>();
    private ScheduledFuture<?> timer;

    StaleRoutes(int source, Ribs ribs, EventLoop loop, Runnable changed) {
        this.source = source;
        this.ribs = ribs;
        this.loop = loop;
        this.changed = changed;
    }

    /**
     * The session ended: keeps the routes of the negotiated families the peer's capability names.
     * Returns false, keeping nothing, when the peer's Restart Time is 0.
     */
    boolean retain(GracefulRestartCapability peer, Set<AddressFamily> negotiated) {
        if (peer.restartTime() == 0) {
            return false;
        }
        cancelTimer();
        for (ForwardingState state : peer.families()) {
            if (negotiated.contains(state.family()) && ribs.get(state.family()) != null) {
                stale.add(state.family());
            }
        }
        for (FamilyRib rib : ribs.all()) {
            if (stale.contains(rib.family())) {
                rib.markStale(source);
            } else {
                rib.removePaths(source, false);
            }
        }
        timer = loop.schedule(this::expire, peer.restartTime(), TimeUnit.SECONDS);
        return true;
    }

    /** The session is back with {@code peer} as the new capability (null when none). */
    void sessionUp(GracefulRestartCapability peer, Duration endOfRibWait) {
        cancelTimer();
        List<ForwardingState> preserved = peer == null ? List.of() : peer.families();
        for (AddressFamily family : Set.copyOf(stale)) {
            boolean kept = preserved.stream().anyMatch(s -> s.family().equals(family) && s.forwardingPreserved());
            if (!kept) {
                sweep(family);
            }
        }
        if (!stale.isEmpty()) {
            timer = loop.schedule(this::expire, endOfRibWait.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** End-of-RIB of {@code family} arrived: the routes not refreshed go. */
    void endOfRib(AddressFamily family) {
        if (stale.contains(family)) {
            sweep(family);
        }
    }

    /** Removes all stale routes now. */
    void clear() {
        cancelTimer();
        Set.copyOf(stale).forEach(this::sweep);
    }

    boolean isActive() {
        return !stale.isEmpty();
    }

    private void expire() {
        Set.copyOf(stale).forEach(this::sweep);
    }

    private void sweep(AddressFamily family) {
        stale.remove(family);
        ribs.get(family).removePaths(source, true);
        if (stale.isEmpty()) {
            cancelTimer();
        }
        changed.run();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
