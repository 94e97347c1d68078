package io.kuberouter.hairpin;

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
import io.kuberouter.hairpin.kernel.HairpinKernel;
import io.kuberouter.hairpin.sync.HairpinController;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.netns.Netns;
import io.kuberouter.reconcile.RunnerScheduler;
import java.nio.file.Path;
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
 * The hairpin capability ({@code hairpin} feature, {@code --hairpin-mode}): registered as the {@code hairpin}
 * {@link Capability} and as a {@link ServiceProxyExtension}, which the service proxy binds dynamically. It runs
 * with the proxy's configuration (PID {@code io.kuberouter.proxy}), so only where the proxy is configured; the
 * kernel services are static references (they come with the proxy feature), the cluster state and the owners
 * registry are dynamic.
 *
 * <p>Deactivation for good ({@link CapabilityStop#FINAL}: bundle stopped, feature removed) removes chain
 * {@code KUBE-ROUTER-HAIRPIN} and its jump; after a passing stop (agent shutdown, bundle update or refresh) or a
 * configuration change ({@code --hairpin-mode}) they stay and the next start adopts them.
 */
@Component(configurationPid = HairpinConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {Capability.class, ServiceProxyExtension.class}, property = Capability.NAME_PROPERTY + "=hairpin")
public class HairpinComponent implements Capability, ServiceProxyExtension {

    private static final Logger LOG = LoggerFactory.getLogger(HairpinComponent.class);

    private final BundleContext context;
    private final HairpinKernel kernel;
    private volatile HairpinController controller;
    private volatile ClusterState cluster;
    private final OwnerLifecycle owner = new OwnerLifecycle("hairpin", HairpinOwnership.OWNERSHIP);

    @Activate
    public HairpinComponent(BundleContext context, HairpinConfig config, @Reference Iptables iptables,
            @Reference Addresses addresses, @Reference Netns netns) {
        this.context = context;
        this.kernel = new HairpinKernel(iptables, addresses, netns, Path.of("/sys"));
        this.controller = start(config);
    }

    /** A configuration change restarts the controller, which adopts the kernel state (as the proxy does). */
    @Modified
    synchronized void modified(HairpinConfig config) {
        HairpinController previous = controller;
        previous.stop();
        HairpinController next = start(config);
        ClusterState state = cluster;
        if (state != null) {
            next.bindCluster(state);
        }
        next.continueFrom(previous);
        controller = next;
    }

    private HairpinController start(HairpinConfig config) {
        Set<IpFamily> families = EnumSet.noneOf(IpFamily.class);
        if (config.enable_ipv4()) {
            families.add(IpFamily.IPV4);
        }
        if (config.enable_ipv6()) {
            families.add(IpFamily.IPV6);
        }
        HairpinController started = new HairpinController(kernel, families, config.hairpin_mode(),
                Duration.ofMillis(config.ipvs_sync_period()), Clock.systemUTC(),
                RunnerScheduler.dedicatedThread("kube-router-hairpin"));
        started.onFirstSync(owner::initialSyncDone);
        started.start();
        LOG.info("hairpin running{}", config.hairpin_mode() ? " for every Service (--hairpin-mode)"
                : " for Services annotated kube-router.io/service.hairpin");
        return started;
    }

    @Deactivate
    synchronized void deactivate() {
        controller.stop();
        owner.deactivate(context, List.of(new OwnerLifecycle.Removal("chain KUBE-ROUTER-HAIRPIN and its jumps",
                controller::removeKernelState)));
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
        return "hairpin";
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
        return HairpinOwnership.OWNERSHIP;
    }

    @Override
    public Heartbeats heartbeats() {
        return controller.heartbeats();
    }
}
