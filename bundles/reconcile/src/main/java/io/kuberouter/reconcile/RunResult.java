package io.kuberouter.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The outcome of one run of a {@link BoundedFrequencyRunner}: the heartbeat of a controller.
 *
 * @param finishedAt wall-clock time the run ended
 * @param duration how long the sync function ran
 * @param failure what the sync function threw, or {@code null} if it succeeded
 */
@ProviderType
public record RunResult(Instant finishedAt, Duration duration, Throwable failure) {

    public RunResult {
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(duration, "duration");
    }

    /** True if the sync function returned normally. */
    public boolean succeeded() {
        return failure == null;
    }
}
