package io.kuberouter.router;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.bgp.speaker.BgpSpeakerFactory;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.capabilities.CapabilityStop;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.api.rule.Rules;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import io.kuberouter.router.cni.CniConfFile;
import io.kuberouter.router.cni.CniRangeRecord;
import io.kuberouter.router.kernel.EgressReconciler;
import io.kuberouter.router.kernel.PodNetworkReconciler;
import io.kuberouter.router.kernel.RouteReconciler;
import io.kuberouter.router.sync.RouterController;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router capability ({@code --run-router}): registered as the {@code router} {@link Capability} while active.
 * The cluster state is optional and dynamic (BGP pauses while it is away, sessions and routes stay); the speaker
 * factory and the kernel services are static: when one of their bundles is replaced the router restarts.
 *
 * <p>A final stop ({@link CapabilityStop}: the feature switched off, {@code --cleanup-config}) ends the BGP sessions
 * and removes exactly the router's tunnels, routes and rules, its FORWARD rules, {@code kube-bridge} when no pod is
 * attached, and the pod CIDRs the router recorded having written into the CNI conf (also an earlier process's: the
 * record is in {@code --state-dir}). A passing stop (agent shutdown, bundle update) leaves the kernel as it is, as
 * kube-router does on exit, so pod traffic flows until the next start has re-learned the routes. Nothing here needs
 * the cluster state, so {@code --cleanup-config} (which runs without it) activates and stops the router like any
 * capability.
 */
@Component(configurationPid = RouterConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Capability.class, immediate = true, property = Capability.NAME_PROPERTY + "=router")
@Designate(ocd = RouterConfig.class)
public class RouterComponent implements Capability {

    private static final Logger LOG = LoggerFactory.getLogger(RouterComponent.class);

    private final BundleContext context;
    private final RouteReconciler reconciler;
    private final EgressReconciler egress;
    private final PodNetworkReconciler podNetwork;
    private final CniRangeRecord cniRanges;
    private final CapabilityOwners.Owner owner;
    private final RouterController controller;

    @Activate
    public RouterComponent(BundleContext context, RouterConfig config, @Reference BgpSpeakerFactory speakers,
            @Reference CapabilityOwners owners, @Reference Addresses addresses, @Reference Links links,
            @Reference Routes routes, @Reference Rules rules, @Reference Iptables iptables, @Reference Ipsets ipsets,
            @Reference Sysctls sysctls) {
        this.context = context;
        this.reconciler = new RouteReconciler(addresses, links, routes, rules, owners.pruneGate());
        this.egress = new EgressReconciler(iptables, ipsets);
        this.podNetwork = new PodNetworkReconciler(addresses, links, iptables, sysctls, families(config));
        this.cniRanges = CniRangeRecord.inStateDir(Path.of(config.state_dir()));
        this.owner = owners.register("router", RouterOwnership.OWNERSHIP);
        ConfigSettings.warnUnsupported(config);
        this.controller = new RouterController(ConfigSettings.of(config), Duration.ofMillis(config.routes_sync_period()),
                Duration.ofMillis(config.injected_routes_sync_period()), speakers, reconciler,
                config.enable_pod_egress() ? Optional.of(egress) : Optional.empty(), podNetwork, config.auto_mtu(),
                owner, config.enable_cni() ? Optional.of(CniConfFile.resolve(config.cni_conf_file(), cniRanges))
                        : Optional.empty(),
                new ServiceSpeakerPublication(context), Clock.systemUTC());
        controller.start();
        LOG.info("router started (cluster ASN {}, full mesh {}, overlay {} {})",
                ConfigSettings.of(config).effectiveClusterAsn(), config.nodes_full_mesh(), config.enable_overlay(),
                config.overlay_type());
    }

    @Modified
    void modified(RouterConfig config) {
        ConfigSettings.warnUnsupported(config);
        controller.updateSettings(ConfigSettings.of(config));
    }

    @Deactivate
    void deactivate() {
        controller.stop();
        try {
            if (!CapabilityStop.of(context).removesState()) {
                LOG.info("router passing (agent shutdown, bundle update or refresh): its routes, rules and tunnels "
                        + "stay for the next start to adopt");
                return;
            }
            cniRanges.removeRecorded();
            boolean routesRemoved = remove("routes, rules and tunnels", reconciler::removeAll);
            boolean egressRemoved = remove("pod egress rule and ipsets", egress::remove);
            boolean podNetworkRemoved = remove("FORWARD rules and kube-bridge", podNetwork::remove);
            if (routesRemoved && egressRemoved && podNetworkRemoved) {
                LOG.info("router stopped: its routes, rules, tunnels, pod egress rule and ipsets and FORWARD rules "
                        + "are removed");
            }
        } finally {
            owner.close();
        }
    }

    /** The families whose FORWARD rules and bridge netfilter the router manages ({@code --enable-ipv4/6}). */
    private static List<AddressFamily> families(RouterConfig config) {
        List<AddressFamily> families = new ArrayList<>();
        if (config.enable_ipv4()) {
            families.add(AddressFamily.INET);
        }
        if (config.enable_ipv6()) {
            families.add(AddressFamily.INET6);
        }
        return families;
    }

    /**
     * Runs one removal; a kernel refusal is logged, reported to the owners ({@code --cleanup-config} reads it) and
     * does not keep the others from running.
     */
    private boolean remove(String what, KernelRemoval removal) {
        try {
            removal.run();
            return true;
        } catch (KernelException e) {
            LOG.error("could not remove the router's {}: {}", what, e.getMessage());
            owner.removalFailed(what + ": " + e.getMessage());
            return false;
        }
    }

    @FunctionalInterface
    private interface KernelRemoval {
        void run() throws KernelException;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClusterState(ClusterState cluster) {
        controller.bindCluster(cluster);
    }

    void unbindClusterState(ClusterState cluster) {
        controller.unbindCluster(cluster);
    }

    @Override
    public String name() {
        return "router";
    }

    @Override
    public KernelOwnership ownership() {
        return RouterOwnership.OWNERSHIP;
    }

    @Override
    public Heartbeats heartbeats() {
        return controller.heartbeats();
    }
}
