package io.kuberouter.reconcile;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a heartbeat after every run of a {@link BoundedFrequencyRunner}, for health reporting
 * and metrics.
 *
 * <p>Threading: called on the runner's thread after each run, before the next run can start; it
 * must return quickly. An exception it throws is logged and otherwise ignored.
 */
@ConsumerType
@FunctionalInterface
public interface RunListener {

    /** Called once per run with its outcome. */
    void runFinished(RunResult result);
}
