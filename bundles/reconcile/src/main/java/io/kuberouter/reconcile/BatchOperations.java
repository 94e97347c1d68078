package io.kuberouter.reconcile;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@link Operations} for dataplanes that apply many objects at once and atomically, such as one
 * {@code iptables-restore}, one {@code ipset restore} or one netlink batch (style guide §10
 * point 10). A {@link Reconciler} given a {@code BatchOperations} calls only the batch methods and
 * {@link #prune}.
 *
 * <p>All or nothing: a batch method either realizes every object of the batch or throws, in which
 * case the reconciler treats none of them as done, aborts the round (skipping later batches and
 * the prune) and retries the failed objects on its next round. Both methods must be idempotent,
 * like {@link Operations#update} and {@link Operations#delete}.
 *
 * <p>Threading: as for {@link Operations}.
 *
 * @param <T> the desired object type
 */
@ConsumerType
public interface BatchOperations<T> extends Operations<T> {

    /**
     * Creates or updates all {@code objects}, atomically.
     *
     * @param objects a non-empty, unmodifiable batch in no particular order
     * @throws Exception if the batch was not applied
     */
    void updateBatch(List<T> objects) throws Exception;

    /**
     * Deletes all {@code objects}, atomically; objects that do not exist are not an error.
     *
     * @param objects a non-empty, unmodifiable batch in no particular order
     * @throws Exception if the batch was not applied
     */
    void deleteBatch(List<T> objects) throws Exception;

    /** A batch of one: {@code updateBatch(List.of(object))}. */
    @Override
    default void update(T object) throws Exception {
        updateBatch(List.of(object));
    }

    /** A batch of one: {@code deleteBatch(List.of(object))}. */
    @Override
    default void delete(T object) throws Exception {
        deleteBatch(List.of(object));
    }
}
