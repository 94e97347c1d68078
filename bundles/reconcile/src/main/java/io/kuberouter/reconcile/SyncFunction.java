package io.kuberouter.reconcile;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The work a {@link BoundedFrequencyRunner} runs: typically drain the change trackers, build the
 * desired state and reconcile it.
 *
 * <p>Threading: always called on the runner's thread, never concurrently with itself.
 */
@ConsumerType
@FunctionalInterface
public interface SyncFunction {

    /**
     * Performs one sync. Returning normally is a successful run; throwing anything is a failed run
     * that the runner retries after its retry interval. The runner survives every exception.
     *
     * @throws Exception when the sync failed
     */
    void sync() throws Exception;
}
