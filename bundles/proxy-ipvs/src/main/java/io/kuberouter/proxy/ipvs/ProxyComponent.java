package io.kuberouter.proxy.ipvs;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.proxy.ServiceProxyExtension;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.capabilities.CapabilityStop;
import io.kuberouter.capabilities.OwnerLifecycle;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.conntrack.Conntrack;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import io.kuberouter.proxy.ipvs.sync.KernelBindings;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
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
 * The service proxy capability on IPVS ({@code --run-service-proxy}), registered as the {@code proxy}
 * {@link Capability} while active, with the {@code ServiceProxyView} and the proxy's metric collectors, and as an
 * owner of kernel state ({@link OwnerLifecycle}: it prunes only while the owners' gate is open). The cluster
 * state, every kernel service and the owners are optional and dynamic: while the cluster state or a kernel service
 * is missing syncing pauses and the kernel keeps the proxy's state. A configuration change restarts the controller,
 * which adopts that state.
 *
 * <p>A stop for good ({@link CapabilityStop#FINAL}: bundle stopped, feature removed) removes exactly what the proxy
 * owns. A passing stop (agent restart, bundle update or refresh) leaves everything, as kube-router leaves it on
 * exit, so Services keep working and the next start adopts it without a flush.
 */
@Component(configurationPid = ProxyConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Capability.class, immediate = true, property = Capability.NAME_PROPERTY + "=proxy")
@Designate(ocd = ProxyConfig.class)
public class ProxyComponent implements Capability {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyComponent.class);

    private final BundleContext context;
    private final KernelBindings kernels = new KernelBindings();
    private final List<ServiceProxyExtension> extensions = new CopyOnWriteArrayList<>();
    private final Map<String, ServiceProxyExtension> passing = new HashMap<>();
    private final KernelOwnership ownership;
    private final OwnerLifecycle owner;
    private volatile ClusterState cluster;
    private volatile ProxyRuntime runtime;

    @Activate
    public ProxyComponent(BundleContext context, ProxyConfig config) {
        this.context = context;
        ProxySettings settings = ConfigSettings.of(config);
        this.ownership = ProxyOwnership.of(settings.kernel().ownership());
        this.owner = new OwnerLifecycle("proxy", ownership);
        this.runtime = new ProxyRuntime(context, settings, kernels, null, extensions, owner);
        LOG.info("service proxy started (IPVS)");
    }

    /** A new configuration: the controller restarts with it; the declared ownership stays the one of activation. */
    @Modified
    synchronized void modified(ProxyConfig config) {
        runtime.close();
        runtime = new ProxyRuntime(context, ConfigSettings.of(config), kernels, cluster, extensions, owner);
        LOG.info("service proxy restarted with a new configuration; adopting the kernel state");
    }

    @Deactivate
    synchronized void deactivate() {
        runtime.close();
        owner.deactivate(context, List.of(new OwnerLifecycle.Removal("IPVS services, VIPs, rules and sets",
                runtime.controller()::removeKernelState)));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindOwners(CapabilityOwners owners) {
        owner.bind(owners);
    }

    void unbindOwners(CapabilityOwners owners) {
        owner.unbind(owners);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindClusterState(ClusterState state) {
        cluster = state;
        runtime.controller().bindCluster(state);
    }

    synchronized void unbindClusterState(ClusterState state) {
        if (cluster == state) {
            cluster = null;
        }
        runtime.controller().unbindCluster(state);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindExtension(ServiceProxyExtension extension) {
        ServiceProxyExtension previous = passing.remove(extension.name());
        if (previous != null) {
            runtime.controller().removeExtension(previous);
        }
        extensions.add(extension);
        runtime.controller().addExtension(extension);
    }

    /**
     * An extension stopping for good (its bundle stopped) is dropped and every Service rebuilt without its claims.
     * One that only passes ({@link CapabilityStop#PASSING} for its bundle: agent shutdown, bundle update or refresh)
     * keeps its claims until it comes back under the same name (its claims are pure functions, so the proxy keeps
     * asking the old object), so the Services it delivers keep their dataplane in between, as its own state stays.
     */
    synchronized void unbindExtension(ServiceProxyExtension extension, ServiceReference<ServiceProxyExtension> ref) {
        extensions.remove(extension);
        if (passes(ref)) {
            passing.put(extension.name(), extension);
            return;
        }
        runtime.controller().removeExtension(extension);
    }

    private static boolean passes(ServiceReference<?> extension) {
        Bundle bundle = extension.getBundle();
        try {
            BundleContext owner = bundle == null ? null : bundle.getBundleContext();
            return owner != null && !CapabilityStop.of(owner).removesState();
        } catch (IllegalStateException stopped) {
            return false;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIpvs(Ipvs service) {
        kernels.ipvs(service, true);
    }

    void unbindIpvs(Ipvs service) {
        kernels.ipvs(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLinks(Links service) {
        kernels.links(service, true);
    }

    void unbindLinks(Links service) {
        kernels.links(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAddresses(Addresses service) {
        kernels.addresses(service, true);
    }

    void unbindAddresses(Addresses service) {
        kernels.addresses(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRoutes(Routes service) {
        kernels.routes(service, true);
    }

    void unbindRoutes(Routes service) {
        kernels.routes(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConntrack(Conntrack service) {
        kernels.conntrack(service, true);
    }

    void unbindConntrack(Conntrack service) {
        kernels.conntrack(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSysctls(Sysctls service) {
        kernels.sysctls(service, true);
    }

    void unbindSysctls(Sysctls service) {
        kernels.sysctls(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIptables(Iptables service) {
        kernels.iptables(service, true);
    }

    void unbindIptables(Iptables service) {
        kernels.iptables(service, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIpsets(Ipsets service) {
        kernels.ipsets(service, true);
    }

    void unbindIpsets(Ipsets service) {
        kernels.ipsets(service, false);
    }

    @Override
    public String name() {
        return "proxy";
    }

    @Override
    public KernelOwnership ownership() {
        return ownership;
    }

    @Override
    public Heartbeats heartbeats() {
        return runtime.controller().heartbeats();
    }
}
