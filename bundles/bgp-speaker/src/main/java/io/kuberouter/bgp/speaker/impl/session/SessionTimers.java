package io.kuberouter.bgp.speaker.impl.session;

import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The hold and keepalive timers of one connection (RFC 4271 §4.4, §6.5, §10) on its event loop.
 * The hold timer is a deadline after the last received message, re-checked when it fires rather
 * than re-armed per message, so a stream of UPDATEs costs no timer operations.
 */
final class SessionTimers {

    private final EventExecutor executor;
    private final Runnable holdExpired;
    private final Runnable keepaliveDue;
    private long holdNanos;
    private long lastReceived;
    private ScheduledFuture<?> holdTimer;
    private ScheduledFuture<?> keepaliveTimer;

    SessionTimers(EventExecutor executor, Runnable holdExpired, Runnable keepaliveDue) {
        this.executor = executor;
        this.holdExpired = holdExpired;
        this.keepaliveDue = keepaliveDue;
    }

    /** Starts (or restarts) the hold timer with {@code seconds}; 0 stops it. */
    void hold(int seconds) {
        cancel(holdTimer);
        holdNanos = TimeUnit.SECONDS.toNanos(seconds);
        received();
        if (holdNanos > 0) {
            scheduleHoldCheck(holdNanos);
        }
    }

    /** Sends KEEPALIVE every third of {@code holdSeconds} (RFC 4271 §10); none for 0. */
    void keepalives(int holdSeconds) {
        cancel(keepaliveTimer);
        if (holdSeconds > 0) {
            long interval = Math.max(TimeUnit.SECONDS.toNanos(holdSeconds) / 3, 1);
            keepaliveTimer = executor.scheduleAtFixedRate(keepaliveDue, interval, interval, TimeUnit.NANOSECONDS);
        }
    }

    /** A message arrived: the hold deadline moves. */
    void received() {
        lastReceived = executor.ticker().nanoTime();
    }

    /** True when nothing arrived for over a third of the hold time: a peer keepalive is missing. */
    boolean peerSilent() {
        return holdNanos > 0 && executor.ticker().nanoTime() - lastReceived > holdNanos / 3;
    }

    void stop() {
        cancel(holdTimer);
        cancel(keepaliveTimer);
    }

    private void scheduleHoldCheck(long delayNanos) {
        holdTimer = executor.schedule(this::checkHold, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkHold() {
        long left = lastReceived + holdNanos - executor.ticker().nanoTime();
        if (left > 0) {
            scheduleHoldCheck(left);
        } else {
            holdExpired.run();
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
