package io.kuberouter.itests.dsr;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.capabilities.CapabilityOwners;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The only class of a test-only capability bundle that NodeCapabilitiesIT builds for the feature
 * {@code dsr}: while its bundle runs it is an owner of kernel state (synced at once) and registers
 * itself as the {@code dsr} {@link Capability}, as the real capability bundles do.
 */
public final class TestDsrCapability implements BundleActivator, Capability {

    /** The symbolic name of the test bundle. */
    public static final String BUNDLE = "io.kuberouter.itests.dsr";
    static final KernelOwnership OWNERSHIP = new KernelOwnership(List.of("KUBE-ITEST-DSR-"), List.of(), List.of(),
            List.of(), List.of(), List.of());

    private CapabilityOwners.Owner owner;
    private ServiceRegistration<Capability> registration;

    @Override
    public void start(BundleContext context) {
        CapabilityOwners owners = context.getService(context.getServiceReference(CapabilityOwners.class));
        owner = owners.register(name(), OWNERSHIP);
        owner.initialSyncDone();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Capability.NAME_PROPERTY, name());
        registration = context.registerService(Capability.class, this, properties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        owner.close();
    }

    @Override
    public String name() {
        return "dsr";
    }

    @Override
    public KernelOwnership ownership() {
        return OWNERSHIP;
    }

    @Override
    public Heartbeats heartbeats() {
        return new Heartbeats(List.of());
    }
}
