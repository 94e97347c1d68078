package io.kuberouter.capabilities.manager;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.reconcile.PruneGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * The owners of this node's kernel state and their shared {@link PruneGate}: one instance per
 * framework, behind the bundle-scoped {@link CapabilityOwnersComponent}. Each registration holds an
 * initializer of the gate until it reports its initial sync or closes.
 */
@Component(service = OwnerRegistry.class)
public class OwnerRegistry {

    private final PruneGate gate = new PruneGate();
    private final List<Registration> owners = new ArrayList<>();

    /** @throws IllegalStateException when the claims overlap those of another capability's owner */
    synchronized CapabilityOwners.Owner register(String capability, KernelOwnership ownership) {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(ownership, "ownership");
        for (Registration other : owners) {
            Optional<String> common = other.capability.equals(capability) ? Optional.empty()
                    : Claims.overlap(other.ownership, ownership);
            if (common.isPresent()) {
                throw new IllegalStateException(capability + " claims kernel state " + other.capability
                        + " owns: " + common.get());
            }
        }
        Registration registration = new Registration(capability, ownership, gate.register(capability));
        owners.add(registration);
        return registration;
    }

    PruneGate gate() {
        return gate;
    }

    private synchronized void remove(Registration registration) {
        owners.remove(registration);
    }

    private final class Registration implements CapabilityOwners.Owner {

        private final String capability;
        private final KernelOwnership ownership;
        private final PruneGate.Initializer initializer;

        Registration(String capability, KernelOwnership ownership, PruneGate.Initializer initializer) {
            this.capability = capability;
            this.ownership = ownership;
            this.initializer = initializer;
        }

        @Override
        public String capability() {
            return capability;
        }

        @Override
        public KernelOwnership ownership() {
            return ownership;
        }

        @Override
        public void initialSyncDone() {
            initializer.complete();
        }

        @Override
        public void close() {
            initializer.complete();
            remove(this);
        }
    }
}
