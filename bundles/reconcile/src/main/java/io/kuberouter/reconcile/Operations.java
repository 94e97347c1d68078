package io.kuberouter.reconcile;

import java.util.Collection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The kernel-facing half of a {@link Reconciler}: how a capability realizes one kind of dataplane
 * object (an IPVS service, an ipset, a route, ...). Only implementations of this interface touch
 * the kernel SPI; everything before them is pure computation.
 *
 * <p>Threading: the reconciler calls these methods from one thread at a time (the runner's
 * thread), never concurrently.
 *
 * <p>Failures: a method signals failure by throwing; the reconciler records the object as
 * {@link Status.State#ERROR} and tries again on its next round.
 *
 * @param <T> the desired object type; an immutable value with proper {@code equals}
 */
@ConsumerType
public interface Operations<T> {

    /**
     * Creates {@code object} or changes the realized object with the same identity to match it.
     * Must be idempotent: it is called again for objects that are already realized (on full
     * rounds, which repair drift, and on retries) and must then succeed without disturbing traffic.
     *
     * @throws Exception if the object could not be realized
     */
    void update(T object) throws Exception;

    /**
     * Removes the realized {@code object}. Deleting an object that does not exist (anymore) is a
     * success, not an error.
     *
     * @throws Exception if the object exists and could not be removed
     */
    void delete(T object) throws Exception;

    /**
     * Removes every realized object that is not in {@code desired} but only among the objects this
     * capability owns (its {@code KernelOwnership} claim: chain and set prefixes, route protocols,
     * marks, ...). Objects of other owners and of the system must never be touched. Called on full
     * rounds only, and only while the {@link PruneGate} is open.
     *
     * @param desired every object that should exist, unmodifiable
     * @throws Exception if pruning failed; it is tried again on the next full round
     */
    void prune(Collection<T> desired) throws Exception;
}
