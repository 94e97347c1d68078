package io.kuberouter.capabilities.manager;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.reconcile.PruneGate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * {@link CapabilityOwners}, one instance per using bundle over the shared {@link OwnerRegistry}: when
 * a bundle releases the service (it stopped), the registrations it left open are closed, so a
 * capability that forgot to close its owner cannot hold the prune gate shut.
 */
@Component(service = CapabilityOwners.class, scope = ServiceScope.BUNDLE)
public class CapabilityOwnersComponent implements CapabilityOwners {

    private final OwnerRegistry registry;
    private final List<Owner> opened = new CopyOnWriteArrayList<>();

    @Activate
    public CapabilityOwnersComponent(@Reference OwnerRegistry registry) {
        this.registry = registry;
    }

    @Deactivate
    void deactivate() {
        opened.forEach(Owner::close);
    }

    @Override
    public Owner register(String capability, KernelOwnership ownership) {
        Owner owner = new Tracked(registry.register(capability, ownership));
        opened.add(owner);
        return owner;
    }

    @Override
    public boolean mayPrune() {
        return registry.gate().isOpen();
    }

    @Override
    public Set<String> pending() {
        return registry.gate().pendingNames();
    }

    @Override
    public PruneGate pruneGate() {
        return registry.gate();
    }

    /** An owner that leaves {@link #opened} when closed. */
    private final class Tracked implements Owner {

        private final Owner owner;

        Tracked(Owner owner) {
            this.owner = owner;
        }

        @Override
        public String capability() {
            return owner.capability();
        }

        @Override
        public KernelOwnership ownership() {
            return owner.ownership();
        }

        @Override
        public void initialSyncDone() {
            owner.initialSyncDone();
        }

        @Override
        public boolean mayPrune() {
            return owner.mayPrune();
        }

        @Override
        public void removalFailed(String refused) {
            owner.removalFailed(refused);
        }

        @Override
        public void close() {
            owner.close();
            opened.remove(this);
        }
    }
}
