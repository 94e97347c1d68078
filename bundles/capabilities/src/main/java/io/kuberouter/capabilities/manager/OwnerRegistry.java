package io.kuberouter.capabilities.manager;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.capabilities.RemovalReport;
import io.kuberouter.reconcile.PruneGate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The owners of this node's kernel state and their shared {@link PruneGate}: one instance per
 * framework, behind the bundle-scoped {@link CapabilityOwnersComponent}. Each registration holds an
 * initializer of the gate until it reports its initial sync or closes. While active it registers the
 * {@link RemovalReport} of the removals its owners reported failed, kept current in its service property;
 * immediate, so the report outlives the capabilities that stopped (their registrations are its only users).
 */
@Component(service = OwnerRegistry.class, immediate = true)
public class OwnerRegistry {

    private final PruneGate gate = new PruneGate();
    private final List<Registration> owners = new ArrayList<>();
    private final Map<String, String> removalFailures = new TreeMap<>();
    private ServiceRegistration<RemovalReport> report;

    @Activate
    synchronized void activate(BundleContext context) {
        report = context.registerService(RemovalReport.class, this::removalFailures, reportProperties());
    }

    @Deactivate
    synchronized void deactivate() {
        report.unregister();
        report = null;
    }

    /** Capability to what the kernel refused when it last removed its state; sorted. */
    synchronized Map<String, String> removalFailures() {
        return Collections.unmodifiableMap(new TreeMap<>(removalFailures));
    }

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
        if (removalFailures.remove(capability) != null) {
            publishReport();
        }
        return registration;
    }

    PruneGate gate() {
        return gate;
    }

    private synchronized void remove(Registration registration) {
        owners.remove(registration);
    }

    private synchronized void removalFailed(String capability, String refused) {
        removalFailures.merge(capability, refused, (a, b) -> a + "; " + b);
        publishReport();
    }

    private void publishReport() {
        if (report != null) {
            report.setProperties(reportProperties());
        }
    }

    private Hashtable<String, Object> reportProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(RemovalReport.FAILURES_PROPERTY, removalFailures.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new));
        return properties;
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
        public boolean mayPrune() {
            return gate.pendingNames().stream().allMatch(capability::equals);
        }

        @Override
        public void removalFailed(String refused) {
            OwnerRegistry.this.removalFailed(capability, Objects.requireNonNull(refused, "refused"));
        }

        @Override
        public void close() {
            initializer.complete();
            remove(this);
        }
    }
}
