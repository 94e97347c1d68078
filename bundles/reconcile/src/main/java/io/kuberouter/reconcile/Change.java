package io.kuberouter.reconcile;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A pending change of one key, as reported by {@link ChangeTracker#drain()}.
 *
 * <p>{@code previous} is the value as of the last drain ({@code null}: the key was absent),
 * {@code current} the latest value ({@code null}: the key was removed). They are never both
 * {@code null} and never equivalent: a change back to {@code previous} is not reported.
 *
 * @param <V> the tracked value type
 * @param previous the value the sync thread last received, or {@code null}
 * @param current the value now, or {@code null}
 */
@ProviderType
public record Change<V>(V previous, V current) {

    public Change {
        if (previous == null && current == null) {
            throw new IllegalArgumentException("a change needs a previous or a current value");
        }
    }

    /** True if the key did not exist at the last drain. */
    public boolean added() {
        return previous == null;
    }

    /** True if the key no longer exists. */
    public boolean removed() {
        return current == null;
    }
}
