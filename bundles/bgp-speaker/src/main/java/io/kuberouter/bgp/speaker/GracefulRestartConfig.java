package io.kuberouter.bgp.speaker;

import java.time.Duration;
import java.util.Objects;

/**
 * Graceful restart (RFC 4724) of the speaker, for the peers that enable it.
 *
 * <p>When enabled the speaker starts as a restarting speaker (§4.1): its OPENs carry the Restart
 * State bit and it defers best-path selection – no listener calls, no UPDATEs – until every
 * graceful-restart peer has sent End-of-RIB or {@code deferralTime} has passed. As receiving
 * speaker (§4.2) it keeps a peer's routes, marked stale, for the Restart Time the peer advertised
 * when the session drops without a NOTIFICATION.
 *
 * @param enabled whether the capability is advertised
 * @param restartTime the Restart Time advertised to peers, at most 4095 s
 *     ({@code --bgp-graceful-restart-time}); also the longest wait for a restarted peer's
 *     End-of-RIB
 * @param deferralTime the longest selection deferral after start, at most 18 h
 *     ({@code --bgp-graceful-restart-deferral-time})
 */
public record GracefulRestartConfig(boolean enabled, Duration restartTime, Duration deferralTime) {

    /** Largest Restart Time, a 12-bit field (RFC 4724 §3). */
    public static final Duration MAX_RESTART_TIME = Duration.ofSeconds(4095);

    /** Largest deferral kube-router accepts. */
    public static final Duration MAX_DEFERRAL_TIME = Duration.ofHours(18);

    /** Graceful restart off. */
    public static final GracefulRestartConfig DISABLED =
            new GracefulRestartConfig(false, Duration.ofSeconds(90), Duration.ofSeconds(360));

    public GracefulRestartConfig {
        Objects.requireNonNull(restartTime, "restartTime");
        Objects.requireNonNull(deferralTime, "deferralTime");
        if (restartTime.isNegative() || restartTime.compareTo(MAX_RESTART_TIME) > 0) {
            throw new IllegalArgumentException("restart time must be 0.." + MAX_RESTART_TIME + ": " + restartTime);
        }
        if (deferralTime.isNegative() || deferralTime.compareTo(MAX_DEFERRAL_TIME) > 0) {
            throw new IllegalArgumentException("deferral time must be 0.." + MAX_DEFERRAL_TIME + ": " + deferralTime);
        }
    }

    /** Graceful restart on with the given times. */
    public static GracefulRestartConfig of(Duration restartTime, Duration deferralTime) {
        return new GracefulRestartConfig(true, restartTime, deferralTime);
    }
}
