package io.kuberouter.reconcile;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link Reconciler} round did not reach the desired state. The objects concerned carry
 * {@link Status.State#ERROR} and are retried on the next round. Thrown from a
 * {@link SyncFunction}, it makes the {@link BoundedFrequencyRunner} retry after its retry interval.
 */
@ProviderType
public class ReconcileException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the first failure of the round
     */
    public ReconcileException(String message, Throwable cause) {
        super(message, cause);
    }
}
