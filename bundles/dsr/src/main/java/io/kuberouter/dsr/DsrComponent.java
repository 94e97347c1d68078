package io.kuberouter.dsr;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.ServiceProxyExtension;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.capabilities.CapabilityStop;
import io.kuberouter.capabilities.OwnerLifecycle;
import io.kuberouter.dsr.kernel.DsrKernel;
import io.kuberouter.dsr.sync.DsrController;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.netns.Netns;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.api.rule.Rules;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import io.kuberouter.reconcile.RunnerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DSR capability ({@code dsr} feature): registered as the {@code dsr} {@link Capability} and as a
 * {@link ServiceProxyExtension}, which the service proxy binds dynamically. It runs with the proxy's configuration
 * (PID {@code io.kuberouter.proxy}), so only where the proxy is configured; the kernel services are static
 * references (they come with the proxy feature), the cluster state and the owners registry are dynamic.
 *
 * <p>Deactivation for good ({@link CapabilityStop#FINAL}: bundle stopped, feature removed): SCR first unregisters
 * the extension, so the proxy rebuilds without DSR's claims (its fwmark IPVS services go, the VIPs return to
 * {@code kube-dummy-if} as NAT services), then DSR removes exactly what it owns ({@link DsrOwnership}). A passing
 * stop (agent shutdown, bundle update or refresh) and a configuration change keep everything for the next start
 * to adopt, as the proxy's state is kept.
 */
@Component(configurationPid = DsrConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {Capability.class, ServiceProxyExtension.class}, property = Capability.NAME_PROPERTY + "=dsr")
public class DsrComponent implements Capability, ServiceProxyExtension {

    private static final Logger LOG = LoggerFactory.getLogger(DsrComponent.class);

    private final BundleContext context;
    private final DsrKernel kernel;
    private volatile DsrController controller;
    private volatile ClusterState cluster;
    private final OwnerLifecycle owner = new OwnerLifecycle("dsr", DsrOwnership.OWNERSHIP);

    @Activate
    public DsrComponent(BundleContext context, DsrConfig config, @Reference Iptables iptables, @Reference Rules rules,
            @Reference Routes routes, @Reference Links links, @Reference Addresses addresses,
            @Reference Sysctls sysctls, @Reference Netns netns) {
        this.context = context;
        this.kernel = new DsrKernel(iptables, rules, routes, links, addresses, sysctls, netns);
        this.controller = start(config);
        LOG.info("DSR started: Services annotated kube-router.io/service.dsr=tunnel get direct server return");
    }

    /** A configuration change restarts the controller, which adopts the kernel state (as the proxy does). */
    @Modified
    synchronized void modified(DsrConfig config) {
        DsrController previous = controller;
        previous.stop();
        DsrController next = start(config);
        ClusterState state = cluster;
        if (state != null) {
            next.bindCluster(state);
        }
        next.continueFrom(previous);
        controller = next;
        LOG.info("DSR restarted with a new configuration; adopting its kernel state");
    }

    private DsrController start(DsrConfig config) {
        Set<IpFamily> families = EnumSet.noneOf(IpFamily.class);
        if (config.enable_ipv4()) {
            families.add(IpFamily.IPV4);
        }
        if (config.enable_ipv6()) {
            families.add(IpFamily.IPV6);
        }
        DsrController started = new DsrController(kernel, families, Duration.ofMillis(config.ipvs_sync_period()),
                Clock.systemUTC(), RunnerScheduler.dedicatedThread("kube-router-dsr"));
        started.onFirstSync(owner::initialSyncDone);
        started.pruneWhen(owner::mayPrune);
        started.start();
        return started;
    }

    @Deactivate
    synchronized void deactivate() {
        controller.stop();
        owner.deactivate(context, List.of(new OwnerLifecycle.Removal(
                "mangle rules, policy routing, tables 78/79 and pod tunnels", controller::removeKernelState)));
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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindOwners(CapabilityOwners owners) {
        owner.bind(owners);
    }

    void unbindOwners(CapabilityOwners owners) {
        owner.unbind(owners);
    }

    @Override
    public String name() {
        return "dsr";
    }

    @Override
    public Optional<Delivery> claim(Service service, VirtualServer server) {
        return controller.claim(service, server);
    }

    @Override
    public void programmed(ServiceProxyView view, Set<ObjectKey> changed) {
        controller.programmed(view, changed);
    }

    @Override
    public KernelOwnership ownership() {
        return DsrOwnership.OWNERSHIP;
    }

    @Override
    public Heartbeats heartbeats() {
        return controller.heartbeats();
    }
}
