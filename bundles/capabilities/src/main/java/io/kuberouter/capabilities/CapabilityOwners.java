package io.kuberouter.capabilities;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.reconcile.PruneGate;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The owners of kernel state on this node and the prune gate they share (cilium's route owners and
 * initializers). A capability registers as an owner when it starts, declaring what it owns, and
 * reports {@link Owner#initialSyncDone()} after its first complete sync. Pruning, by any owner, is
 * allowed only while every registered owner has synced once since it registered: a capability
 * starting (or restarting) closes the gate for all until it has declared its state, so a restart or
 * a swap never flushes another capability's objects.
 *
 * <p>Two capabilities never claim the same object: a registration whose claims overlap those of a
 * registered owner of another capability is refused. An owner that stops closes its registration;
 * when its bundle releases this service, registrations it left open are closed for it.
 *
 * <p>Threading: thread-safe.
 */
@ProviderType
public interface CapabilityOwners {

    /**
     * Registers a running owner; the gate stays closed until it reports its initial sync.
     *
     * @param capability the capability's name, e.g. {@code firewall}; one capability may register several owners
     * @throws IllegalStateException when {@code ownership} overlaps that of another capability's owner;
     *     the message names both
     */
    Owner register(String capability, KernelOwnership ownership);

    /** True when every registered owner has reported its initial sync (also when none is registered). */
    boolean mayPrune();

    /** The capabilities with an owner that has not yet reported its initial sync. */
    Set<String> pending();

    /** The gate to give to a {@code Reconciler}: open exactly when {@link #mayPrune()}. */
    PruneGate pruneGate();

    /** One registration, handed out by {@link CapabilityOwners#register}. */
    @ProviderType
    interface Owner extends AutoCloseable {

        String capability();

        KernelOwnership ownership();

        /** Declares the first complete sync since registration; calling it again is harmless. */
        void initialSyncDone();

        /**
         * Whether this owner may prune what it owns now: every owner of another capability has reported its initial
         * sync. The owner's own pending initial sync does not count, so the sync that establishes its state after a
         * start or an update also removes what an earlier process of the same capability left.
         *
         * @since 1.2
         */
        boolean mayPrune();

        /**
         * Records that removing the owner's kernel state (a stop for good) failed, with what the kernel refused,
         * in the {@link RemovalReport}; call before {@link #close()}. A later registration of the same capability
         * clears it.
         *
         * @since 1.2
         */
        void removalFailed(String refused);

        /** Ends the registration: the owner stopped and removed its state. Closing twice is harmless. */
        @Override
        void close();
    }
}
