package io.kuberouter.reconcile;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Drives a capability's {@link Operations} from its desired state, like cilium's statedb
 * reconciler. Each round receives the complete desired state, a map from object identity to
 * object as built by the capability's pure builder, and compares it with the desired state of the
 * previous round:
 *
 * <ul>
 *   <li><b>Incremental round</b> ({@link #reconcile}): updates objects that are new, changed, or
 *       not {@link Status.State#DONE} yet (retrying errors), then deletes objects that left the
 *       desired state (or whose delete failed before). Unchanged done objects are not touched.</li>
 *   <li><b>Full round</b> ({@link #reconcileFull}): updates every desired object (repairing
 *       drift), deletes as above, then calls {@link Operations#prune} if the {@link PruneGate} is
 *       open.</li>
 * </ul>
 *
 * <p>Failures: with plain {@code Operations} each object fails alone: it goes to
 * {@link Status.State#ERROR}, the round carries on, and the round ends with a
 * {@link ReconcileException}. With {@link BatchOperations} a failed batch marks its objects
 * ERROR and aborts the round at once: later batches and the prune are skipped. Either way the
 * next round (incremental or full) tries the failed objects again.
 *
 * <p>Threading: rounds must not run concurrently (call them from the runner's sync function);
 * {@link #status} and {@link #statuses} may be called from any thread.
 *
 * @param <K> the identity of a desired object, e.g. an IPVS service's address/port/protocol
 * @param <T> the desired object; an immutable value with proper {@code equals}
 */
@ProviderType
public final class Reconciler<K, T> {

    private final Operations<T> operations;
    private final PruneGate gate;
    private final Map<K, Tracked<T>> tracked = new ConcurrentHashMap<>();

    /**
     * @param operations how objects are realized; batch forms are used if it is a {@link BatchOperations}
     * @param gate decides whether full rounds may prune
     */
    public Reconciler(Operations<T> operations, PruneGate gate) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Runs an incremental round towards {@code desired}.
     *
     * @param desired the complete desired state; not modified or kept
     * @throws ReconcileException if any object or batch failed
     */
    public void reconcile(Map<K, ? extends T> desired) throws ReconcileException {
        round(desired, false);
    }

    /**
     * Runs a full round towards {@code desired}, pruning if the gate is open.
     *
     * @param desired the complete desired state; not modified or kept
     * @throws ReconcileException if any object, batch or the prune failed
     */
    public void reconcileFull(Map<K, ? extends T> desired) throws ReconcileException {
        round(desired, true);
    }

    /**
     * The status of the object with identity {@code key}; empty if it is neither desired nor
     * waiting to be deleted.
     */
    public Optional<Status> status(K key) {
        return Optional.ofNullable(tracked.get(key)).map(Tracked::status);
    }

    /** The status of every desired object and every object waiting to be deleted, as a copy. */
    public Map<K, Status> statuses() {
        return tracked.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().status()));
    }

    private void round(Map<K, ? extends T> desired, boolean full) throws ReconcileException {
        track(desired);
        List<K> updates = select(t -> !t.deleting() && (full || t.status().state() != Status.State.DONE));
        List<K> deletes = select(Tracked::deleting);
        Failures failures = new Failures();
        if (operations instanceof BatchOperations<T> batch) {
            applyBatch(updates, batch::updateBatch, "update");
            applyBatch(deletes, batch::deleteBatch, "delete");
        } else {
            applyEach(updates, operations::update, failures);
            applyEach(deletes, operations::delete, failures);
        }
        if (full && gate.isOpen()) {
            prune(desired, failures);
        }
        failures.throwIfAny();
    }

    /** Marks new and changed objects PENDING and objects no longer desired for deletion. */
    private void track(Map<K, ? extends T> desired) {
        desired.forEach((key, object) -> {
            Objects.requireNonNull(object, () -> "desired object of " + key);
            tracked.compute(key, (k, known) -> known == null || !known.desires(object) ? Tracked.update(object) : known);
        });
        tracked.replaceAll((key, known) -> known.deleting() || desired.containsKey(key) ? known : known.toDelete());
    }

    private List<K> select(Predicate<Tracked<T>> filter) {
        return tracked.entrySet().stream().filter(e -> filter.test(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private void applyEach(List<K> keys, Step<T> step, Failures failures) {
        for (K key : keys) {
            try {
                step.apply(tracked.get(key).object());
                settle(key);
            } catch (Exception e) {
                fail(key, e);
                failures.add(e);
            }
        }
    }

    private void applyBatch(List<K> keys, Step<List<T>> step, String what) throws ReconcileException {
        if (keys.isEmpty()) {
            return;
        }
        try {
            step.apply(keys.stream().map(k -> tracked.get(k).object()).toList());
        } catch (Exception e) {
            keys.forEach(k -> fail(k, e));
            throw new ReconcileException(what + " batch of " + keys.size() + " objects failed, round aborted", e);
        }
        keys.forEach(this::settle);
    }

    private void prune(Map<K, ? extends T> desired, Failures failures) {
        try {
            operations.prune(Collections.unmodifiableCollection(desired.values()));
        } catch (Exception e) {
            failures.add(e);
        }
    }

    /** The object's last operation succeeded: an update is done, a delete is forgotten. */
    private void settle(K key) {
        tracked.computeIfPresent(key, (k, t) -> t.deleting() ? null : t.withStatus(Status.done()));
    }

    private void fail(K key, Exception e) {
        tracked.computeIfPresent(key, (k, t) -> t.withStatus(t.status().failed(String.valueOf(e))));
    }

    /** One operation of the kernel side. */
    @FunctionalInterface
    private interface Step<A> {
        void apply(A argument) throws Exception;
    }

    /** What the reconciler knows about one identity: the object to realize or to delete. */
    private record Tracked<T>(T object, boolean deleting, Status status) {

        static <T> Tracked<T> update(T object) {
            return new Tracked<>(object, false, Status.pending());
        }

        boolean desires(T desired) {
            return !deleting && object.equals(desired);
        }

        Tracked<T> toDelete() {
            return new Tracked<>(object, true, Status.pending());
        }

        Tracked<T> withStatus(Status next) {
            return new Tracked<>(object, deleting, next);
        }
    }

    /** Per-object failures of one round. */
    private static final class Failures {

        private int count;
        private Exception first;

        void add(Exception e) {
            if (count++ == 0) {
                first = e;
            }
        }

        void throwIfAny() throws ReconcileException {
            if (count > 0) {
                throw new ReconcileException(count + " operation(s) failed; first: " + first, first);
            }
        }
    }
}
