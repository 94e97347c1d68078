package io.kuberouter.reconcile;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records per key what changed since the last {@link #drain()}, like kube-proxy's
 * {@code servicechangetracker.go}.
 *
 * <p>For every key the tracker knows the value handed out by the last drain (the <em>applied</em>
 * value) and, if it changed since, the latest value. A change whose latest value is equivalent to
 * the applied value is dropped, so an update that is undone before the next sync costs nothing.
 * Equivalence is {@link Objects#equals} unless a predicate is given (for example one that ignores
 * a resource version).
 *
 * <p>The tracker knows only what it was told: removing a key it never saw records nothing. A
 * consumer that subscribes to a cluster that already holds objects must first {@link #put} every
 * existing object and {@link #drain()} once, or the deletion of such an object is lost.
 *
 * <p>Threading: {@link #put} and {@link #remove} may be called from any number of threads
 * (informer callbacks); {@link #drain()} is meant for the one sync thread. All methods are atomic
 * with respect to each other. Each call is O(1) except {@code drain()} (O(changes)) and
 * {@link #snapshot()} (O(keys)).
 *
 * @param <K> the key type, with proper {@code equals}/{@code hashCode}
 * @param <V> the value type; values should be immutable
 */
@ProviderType
public final class ChangeTracker<K, V> {

    private final BiPredicate<? super V, ? super V> equivalent;
    private final Object lock = new Object();
    private final Map<K, V> applied = new HashMap<>();
    private Map<K, Change<V>> pending = new HashMap<>();

    /** A tracker that compares values with {@link Objects#equals}. */
    public ChangeTracker() {
        this(Objects::equals);
    }

    /**
     * A tracker that compares values with {@code equivalent}.
     *
     * @param equivalent true if two non-null values need no sync between them
     */
    public ChangeTracker(BiPredicate<? super V, ? super V> equivalent) {
        this.equivalent = Objects.requireNonNull(equivalent, "equivalent");
    }

    /** Records that {@code key} now has {@code value} (added or updated). */
    public void put(K key, V value) {
        record(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /** Records that {@code key} no longer exists. Removing an unknown key records nothing. */
    public void remove(K key) {
        record(Objects.requireNonNull(key, "key"), null);
    }

    /**
     * Returns the pending changes and clears them, in one atomic step; the current values become
     * the applied values that later changes are compared with.
     *
     * @return an unmodifiable map of changed keys; empty if nothing changed
     */
    public Map<K, Change<V>> drain() {
        Map<K, Change<V>> drained;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return Map.of();
            }
            drained = pending;
            pending = new HashMap<>();
            drained.forEach(this::apply);
        }
        return Collections.unmodifiableMap(drained);
    }

    /** The number of keys with a pending change. */
    public int pendingCount() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /**
     * The applied values: every key and value as of the last {@link #drain()}. A sync thread uses
     * it for a full rebuild, for example after a failed sync.
     *
     * @return an immutable copy
     */
    public Map<K, V> snapshot() {
        synchronized (lock) {
            return Map.copyOf(applied);
        }
    }

    private void record(K key, V current) {
        synchronized (lock) {
            Change<V> known = pending.get(key);
            V previous = known != null ? known.previous() : applied.get(key);
            if (same(previous, current)) {
                pending.remove(key);
            } else {
                pending.put(key, new Change<>(previous, current));
            }
        }
    }

    private boolean same(V a, V b) {
        if (a == null || b == null) {
            return a == b;
        }
        return equivalent.test(a, b);
    }

    private void apply(K key, Change<V> change) {
        if (change.removed()) {
            applied.remove(key);
        } else {
            applied.put(key, change.current());
        }
    }
}
