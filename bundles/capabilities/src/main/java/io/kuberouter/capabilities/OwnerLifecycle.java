package io.kuberouter.capabilities;

import io.kuberouter.api.capability.KernelOwnership;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owners' rules (docs/capabilities.md, "Owners of kernel state") applied for one capability's component:
 * <ol>
 * <li>{@link #bind} registers the capability as an owner with {@link CapabilityOwners} (from an optional dynamic
 * reference, or once from the constructor with a static one); a refused registration (overlapping claims) is
 * logged and the capability then never prunes.</li>
 * <li>{@link #initialSyncDone()} after the controller's first complete sync; an owner registered later reports it
 * at once.</li>
 * <li>{@link #mayPrune()} is what the capability's reconciler asks before it deletes objects of its own that it
 * did not write itself: true only while registered and every other capability's owner has synced once.</li>
 * <li>{@link #deactivate} in {@code @Deactivate}, after the controller stopped: judges the stop
 * ({@link CapabilityStop}); a stop for good runs every removal step, each whatever the others did, reports the
 * steps the kernel refused ({@link CapabilityOwners.Owner#removalFailed}, read by {@code --cleanup-config}) and
 * closes the registration.</li>
 * </ol>
 * Threading: thread-safe.
 */
public final class OwnerLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerLifecycle.class);

    private final String capability;
    private final KernelOwnership ownership;
    private CapabilityOwners owners;
    private CapabilityOwners.Owner owner;
    private boolean synced;

    /**
     * @param capability the capability's feature name, e.g. {@code firewall}
     * @param ownership what it owns, as its {@code Capability} service declares
     */
    public OwnerLifecycle(String capability, KernelOwnership ownership) {
        this.capability = Objects.requireNonNull(capability, "capability");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
    }

    /** One step of removing the state: what it removes, for the log, and how. */
    public record Removal(String what, Action action) {

        public Removal {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(action, "action");
        }
    }

    /** Removes part of the state; "already absent" is success, anything the kernel refused is thrown. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Registers with {@code owners}; the prune gate stays closed until {@link #initialSyncDone()}. */
    public synchronized void bind(CapabilityOwners owners) {
        try {
            owner = owners.register(capability, ownership);
            this.owners = owners;
            if (synced) {
                owner.initialSyncDone();
            }
        } catch (IllegalStateException e) {
            LOG.error("{}'s kernel state overlaps another capability's, so it never prunes: {}", capability,
                    e.getMessage());
        }
    }

    /** The owners service went away; its bundle-scoped instance closes the registration. */
    public synchronized void unbind(CapabilityOwners owners) {
        if (this.owners == owners) {
            this.owners = null;
            owner = null;
        }
    }

    /** The controller's first complete sync; calling it again is harmless. */
    public synchronized void initialSyncDone() {
        synced = true;
        if (owner != null) {
            owner.initialSyncDone();
        }
    }

    /**
     * Whether the capability may prune now: registered, and every owner of another capability synced once (its own
     * first sync is the one that removes what an earlier process of it left, {@link CapabilityOwners.Owner#mayPrune}).
     */
    public synchronized boolean mayPrune() {
        return owner != null && owner.mayPrune();
    }

    /**
     * Ends the capability's part: on a stop for good runs {@code removals} in order and closes the registration;
     * on a passing stop leaves everything, for the next activation to adopt.
     *
     * @param context the component's bundle context
     * @return the kind of stop, {@link CapabilityStop#FINAL} when the removals ran
     */
    public CapabilityStop deactivate(BundleContext context, List<Removal> removals) {
        CapabilityStop stop = CapabilityStop.of(context);
        if (!stop.removesState()) {
            LOG.info("{} passing (agent shutdown, bundle update or refresh): its {} stay for the next start to adopt",
                    capability, whats(removals));
            return stop;
        }
        List<String> refused = new ArrayList<>();
        for (Removal removal : removals) {
            try {
                removal.action().run();
            } catch (Exception e) {
                LOG.error("could not remove {}'s {}: {}", capability, removal.what(), e.getMessage());
                refused.add(removal.what() + ": " + e.getMessage());
            }
        }
        synchronized (this) {
            if (owner != null) {
                refused.forEach(owner::removalFailed);
                owner.close();
                owner = null;
            } else if (!refused.isEmpty()) {
                LOG.error("{} is not registered with the capability owners, so its failed removal is only logged",
                        capability);
            }
        }
        if (refused.isEmpty()) {
            LOG.info("{} stopped for good: its {} are removed", capability, whats(removals));
        }
        return stop;
    }

    private static String whats(List<Removal> removals) {
        return String.join(", ", removals.stream().map(Removal::what).toList());
    }
}
