package io.kuberouter.proxy.nft;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.capabilities.CapabilityStop;
import io.kuberouter.capabilities.OwnerLifecycle;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.conntrack.Conntrack;
import io.kuberouter.kernel.api.nftables.Nftables;
import io.kuberouter.proxy.nft.plan.NftNames;
import io.kuberouter.proxy.nft.sync.NftKernel;
import io.kuberouter.proxy.nft.sync.NftProxyController;
import io.kuberouter.reconcile.RunnerScheduler;
import io.prometheus.metrics.model.registry.Collector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service proxy capability on nftables, registered as the {@code proxy} {@link Capability} while active, with
 * the {@link ServiceProxyView} ({@code kuberouter.proxy.backend=nftables}) and its metric collectors. It runs
 * only when the launcher wrote its configuration ({@code --service-proxy-backend} resolved to nftables), and the
 * launcher then does not start the IPVS backend, so one backend registers the view at a time.
 *
 * <p>It is an owner of kernel state ({@link OwnerLifecycle}: it prunes only while the owners' gate is open). The
 * cluster state, the kernel services and the owners are optional and dynamic: while Nftables or the cluster state
 * is missing syncing pauses and the kernel keeps the table. A stop for good ({@link CapabilityStop#FINAL}: bundle
 * stopped, feature removed) deletes the table; a passing stop (agent restart, bundle update or refresh) leaves it,
 * as kube-router leaves its state on exit.
 */
@Component(configurationPid = NftProxyConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Capability.class, immediate = true, property = Capability.NAME_PROPERTY + "=proxy")
@Designate(ocd = NftProxyConfig.class)
public class NftProxyComponent implements Capability {

    /**
     * The one packet mark bit the backend sets (masquerade), just above DSR's marks; its table is its own by name
     * ({@code inet kube-router-proxy}, not a kind {@link KernelOwnership} declares). It programs no IPVS.
     */
    private static final KernelOwnership OWNERSHIP = new KernelOwnership(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(new KernelOwnership.MarkRange(NftNames.MASQUERADE_MARK, NftNames.MASQUERADE_MARK)));
    private static final Logger LOG = LoggerFactory.getLogger(NftProxyComponent.class);

    private final BundleContext context;
    private final NftKernel kernel = new NftKernel();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile ClusterState cluster;
    private volatile NftProxyController controller;
    private final OwnerLifecycle owner = new OwnerLifecycle("proxy", OWNERSHIP);

    @Activate
    public NftProxyComponent(BundleContext context, NftProxyConfig config) {
        this.context = context;
        start(config);
        LOG.info("service proxy started (nftables, table {})", NftNames.QUALIFIED);
    }

    @Modified
    synchronized void modified(NftProxyConfig config) {
        stop();
        start(config);
        LOG.info("service proxy restarted with a new configuration; rewriting table {}", NftNames.QUALIFIED);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
        owner.deactivate(context, List.of(new OwnerLifecycle.Removal("nftables table " + NftNames.QUALIFIED,
                controller::removeKernelState)));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindOwners(CapabilityOwners owners) {
        owner.bind(owners);
    }

    void unbindOwners(CapabilityOwners owners) {
        owner.unbind(owners);
    }

    private void start(NftProxyConfig config) {
        NftProxyController c = new NftProxyController(NftConfigSettings.of(config), kernel, Clock.systemUTC(),
                RunnerScheduler.dedicatedThread("kube-router-proxy-nft"));
        c.ownedBy(owner::initialSyncDone, owner::mayPrune);
        if (cluster != null) {
            c.bindCluster(cluster);
        }
        Hashtable<String, Object> backend = new Hashtable<>();
        backend.put(ServiceProxyView.BACKEND_PROPERTY, c.view().backend());
        registrations.add(context.registerService(ServiceProxyView.class, c.view(), backend));
        registrations.add(context.registerService(Collector.class, c.metrics().syncTime(), null));
        registrations.add(context.registerService(Collector.class, c.metrics().frontends(), null));
        registrations.add(context.registerService(Collector.class, c.metrics().skipped(), null));
        controller = c;
        c.start();
    }

    private void stop() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        controller.stop();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindClusterState(ClusterState state) {
        cluster = state;
        controller.bindCluster(state);
    }

    synchronized void unbindClusterState(ClusterState state) {
        if (cluster == state) {
            cluster = null;
        }
        controller.unbindCluster(state);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindNftables(Nftables service) {
        kernel.nftables(service, true);
    }

    void unbindNftables(Nftables service) {
        kernel.nftables(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAddresses(Addresses service) {
        kernel.addresses(service, true);
    }

    void unbindAddresses(Addresses service) {
        kernel.addresses(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConntrack(Conntrack service) {
        kernel.conntrack(service, true);
    }

    void unbindConntrack(Conntrack service) {
        kernel.conntrack(service, false);
    }

    @Override
    public String name() {
        return "proxy";
    }

    @Override
    public KernelOwnership ownership() {
        return OWNERSHIP;
    }

    @Override
    public Heartbeats heartbeats() {
        return controller.heartbeats();
    }
}
