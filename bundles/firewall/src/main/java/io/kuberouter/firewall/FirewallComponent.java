package io.kuberouter.firewall;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.firewall.FirewallView;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.capabilities.CapabilityStop;
import io.kuberouter.capabilities.OwnerLifecycle;
import io.kuberouter.firewall.sync.FirewallController;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.prometheus.metrics.model.registry.Collector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * The NetworkPolicy firewall capability ({@code --run-firewall}): registered as the {@code firewall}
 * {@link Capability} while active, with its {@link FirewallView}, and as an owner of kernel state
 * ({@link OwnerLifecycle}: it prunes only while the owners' gate is open). The cluster state, the kernel services
 * and the owners are optional and dynamic: while the cluster state or a kernel service is missing (its bundle is
 * being updated) syncing pauses and the kernel keeps the firewall's rules.
 *
 * <p>A stop for good ({@link CapabilityStop#FINAL}: bundle stopped, feature removed) removes exactly the firewall's
 * chains, the jumps to them and its ipsets. A passing stop (agent restart, bundle update or refresh) leaves them,
 * as kube-router leaves them on exit: isolated pods stay isolated until the next start's first sync replaces them.
 */
@Component(configurationPid = FirewallConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Capability.class, immediate = true, property = Capability.NAME_PROPERTY + "=firewall")
@Designate(ocd = FirewallConfig.class)
public class FirewallComponent implements Capability {

    private static final Logger LOG = LoggerFactory.getLogger(FirewallComponent.class);

    private final BundleContext context;
    private final FirewallController controller;
    private final OwnerLifecycle owner = new OwnerLifecycle("firewall", FirewallOwnership.OWNERSHIP);
    private final List<ServiceRegistration<Collector>> collectors = new ArrayList<>();
    private final ServiceRegistration<FirewallView> view;

    @Activate
    public FirewallComponent(BundleContext context, FirewallConfig config) {
        this.context = context;
        warnIfNftablesRequested(config);
        this.controller = new FirewallController(ConfigSettings.of(config),
                Duration.ofMillis(config.iptables_sync_period()), FirewallOwnership.OWNERSHIP, Clock.systemUTC());
        controller.ownedBy(owner::initialSyncDone, owner::mayPrune);
        controller.start();
        controller.metrics().collectors().forEach(c -> collectors.add(context.registerService(Collector.class, c,
                null)));
        view = context.registerService(FirewallView.class, controller.view(), null);
        LOG.info("NetworkPolicy firewall started (iptables + ipset, families {})",
                ConfigSettings.of(config).families());
    }

    @Modified
    void modified(FirewallConfig config) {
        warnIfNftablesRequested(config);
        controller.updateSettings(ConfigSettings.of(config));
    }

    @Deactivate
    void deactivate() {
        view.unregister();
        collectors.forEach(ServiceRegistration::unregister);
        controller.stop();
        owner.deactivate(context, List.of(new OwnerLifecycle.Removal("chains, jumps and ipsets",
                controller::removeKernelState)));
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
    void bindClusterState(ClusterState cluster) {
        controller.bindCluster(cluster);
    }

    void unbindClusterState(ClusterState cluster) {
        controller.unbindCluster(cluster);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIptables(Iptables iptables) {
        controller.bindIptables(iptables);
    }

    void unbindIptables(Iptables iptables) {
        controller.unbindIptables(iptables);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIpsets(Ipsets ipsets) {
        controller.bindIpsets(ipsets);
    }

    void unbindIpsets(Ipsets ipsets) {
        controller.unbindIpsets(ipsets);
    }

    @Override
    public String name() {
        return "firewall";
    }

    @Override
    public KernelOwnership ownership() {
        return FirewallOwnership.OWNERSHIP;
    }

    @Override
    public Heartbeats heartbeats() {
        return controller.heartbeats();
    }

    private static void warnIfNftablesRequested(FirewallConfig config) {
        if (config.use_nftables_for_netpol()) {
            LOG.warn("--use-nftables-for-netpol is set, but this build has only the iptables + ipset backend of "
                    + "kube-router's netpol controller; running that backend");
        }
    }
}
