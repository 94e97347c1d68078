package io.kuberouter.router.sync;

import io.kuberouter.api.capability.HeartbeatRecorder;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.BgpSpeaker;
import io.kuberouter.bgp.speaker.BgpSpeakerFactory;
import io.kuberouter.bgp.speaker.GracefulRestartConfig;
import io.kuberouter.bgp.speaker.LocalRoute;
import io.kuberouter.bgp.speaker.PeerConfig;
import io.kuberouter.bgp.speaker.PeerStatus;
import io.kuberouter.bgp.speaker.SpeakerConfig;
import io.kuberouter.bgp.speaker.Subscription;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;
import io.kuberouter.capabilities.CapabilityOwners;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.reconcile.BoundedFrequencyRunner;
import io.kuberouter.router.build.BgpPlan;
import io.kuberouter.router.build.KernelRoutes;
import io.kuberouter.router.build.NodeAnnotations;
import io.kuberouter.router.build.NodeBgp;
import io.kuberouter.router.build.PeerPlanner;
import io.kuberouter.router.build.PodEgress;
import io.kuberouter.router.build.PodCidrs;
import io.kuberouter.router.build.PodNetwork;
import io.kuberouter.router.build.PolicyBuilder;
import io.kuberouter.router.build.PolicyInputs;
import io.kuberouter.router.build.RouteInjection;
import io.kuberouter.router.build.RouterSettings;
import io.kuberouter.router.build.ServiceVips;
import io.kuberouter.router.cni.CniConfFile;
import io.kuberouter.router.kernel.EgressReconciler;
import io.kuberouter.router.kernel.PodNetworkReconciler;
import io.kuberouter.router.kernel.RouteReconciler;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-router's NetworkRoutingController (behaviour reference §5): two bounded-frequency runners.
 *
 * <ul>
 *   <li><b>BGP</b> (at most every second, at least every {@code --routes-sync-period}, and on Node, Service and
 *       EndpointSlice changes): sets up {@code kube-bridge} and the FORWARD rules, writes the CNI conf, plans the
 *       speaker and its peers, builds the policies, originates this node's pod CIDRs and service VIPs; starts (or
 *       restarts) the speaker when its AS, router id or listen addresses change.</li>
 *   <li><b>Routes</b> (on every batch of best-path changes, at least every {@code --injected-routes-sync-period}):
 *       builds the kernel routes and tunnels of the learned paths and reconciles them.</li>
 * </ul>
 * Our stale routes from an earlier process are pruned only once this owner reported its initial sync: after the
 * first route round at which every peer had come up once, or one routes-sync-period after the speaker started.
 */
public final class RouterController {

    private static final Logger LOG = LoggerFactory.getLogger(RouterController.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final BgpSpeakerFactory speakers;
    private final RouteReconciler reconciler;
    private final Optional<EgressReconciler> egress;
    private final PodNetworkReconciler podNetwork;
    private final boolean autoMtu;
    private final CapabilityOwners.Owner owner;
    private final Optional<CniConfFile> cni;
    private final Clock clock;
    private final HeartbeatRecorder heartbeat;
    private final BoundedFrequencyRunner bgpRunner;
    private final BoundedFrequencyRunner routeRunner;
    private final LearnedRoutes learned;
    private final ProblemLog bgpProblems = new ProblemLog(LOG);
    private final ProblemLog routeProblems = new ProblemLog(LOG);
    private final Map<String, NodeBgp> annotations = new HashMap<>();
    private final Map<InetAddress, PeerConfig> peers = new LinkedHashMap<>();
    private final Map<IpPrefix, LocalRoute> originated = new LinkedHashMap<>();
    private final Duration routesSyncPeriod;

    private volatile RouterSettings settings;
    private volatile ClusterState cluster;
    private volatile ClusterState.Subscription clusterSubscription;
    private volatile BgpSpeaker speaker;
    private final SpeakerPublication publication;
    private Subscription bestPaths;
    private volatile Instant speakerStarted;
    private RoutingPolicy policy;
    private volatile LocalView local;
    private boolean initialSyncReported;

    /** What the route runner needs of the last BGP round. */
    private record LocalView(List<InetAddress> ips, List<io.kuberouter.kernel.api.IpPrefix> podCidrs) {
    }

    public RouterController(RouterSettings settings, Duration routesSyncPeriod, Duration injectedRoutesSyncPeriod,
            BgpSpeakerFactory speakers, RouteReconciler reconciler, Optional<EgressReconciler> egress,
            PodNetworkReconciler podNetwork, boolean autoMtu, CapabilityOwners.Owner owner,
            Optional<CniConfFile> cni, SpeakerPublication publication, Clock clock) {
        this.settings = settings;
        this.routesSyncPeriod = routesSyncPeriod;
        this.speakers = speakers;
        this.reconciler = reconciler;
        this.egress = egress;
        this.podNetwork = podNetwork;
        this.autoMtu = autoMtu;
        this.owner = owner;
        this.cni = cni;
        this.publication = publication;
        this.clock = clock;
        this.heartbeat = new HeartbeatRecorder("NRC", clock, routesSyncPeriod);
        this.bgpRunner = BoundedFrequencyRunner.builder("router-bgp", this::syncBgp).minInterval(Duration.ofSeconds(1))
                .maxInterval(routesSyncPeriod).retryInterval(Duration.ofSeconds(5)).build();
        this.routeRunner = BoundedFrequencyRunner.builder("router-routes", this::syncRoutes)
                .minInterval(Duration.ofMillis(100)).maxInterval(injectedRoutesSyncPeriod)
                .retryInterval(Duration.ofSeconds(2)).build();
        this.learned = new LearnedRoutes(routeRunner::run);
    }

    public void start() {
        bgpRunner.start();
        routeRunner.start();
    }

    public void updateSettings(RouterSettings value) {
        settings = value;
        bgpRunner.run();
        routeRunner.run();
    }

    public void bindCluster(ClusterState state) {
        cluster = state;
        clusterSubscription = state.subscribe(change -> {
            if (change.kind() == ResourceKind.NODE || change.kind() == ResourceKind.SERVICE
                    || change.kind() == ResourceKind.ENDPOINT_SLICE) {
                bgpRunner.run();
            }
        });
        bgpRunner.run();
    }

    public void unbindCluster(ClusterState state) {
        if (cluster == state) {
            Optional.ofNullable(clusterSubscription).ifPresent(ClusterState.Subscription::close);
            cluster = null;
        }
    }

    public Heartbeats heartbeats() {
        return heartbeat.heartbeats();
    }

    /** Stops the runners and the speaker (its peers see Cease / Administrative Shutdown). */
    public void stop() {
        Optional.ofNullable(clusterSubscription).ifPresent(ClusterState.Subscription::close);
        bgpRunner.stop(STOP_TIMEOUT);
        routeRunner.stop(STOP_TIMEOUT);
        stopSpeaker();
        owner.initialSyncDone();
    }

    // ---- BGP round -------------------------------------------------------------------------------------------

    private void syncBgp() {
        ClusterState state = cluster;
        if (state == null) {
            return;
        }
        try {
            ClusterSnapshot snapshot = state.snapshot();
            Node node = snapshot.localNodeObject();
            if (node == null) {
                bgpProblems.sink().accept("no Node object named " + snapshot.localNode() + " yet; BGP waits for it");
                return;
            }
            RouterSettings current = settings;
            List<IpPrefix> podCidrs = PodCidrs.of(node, bgpProblems.sink());
            local = new LocalView(node.ips().stream().map(NodeAnnotations::ipAddress).toList(),
                    podCidrs.stream().map(p -> new io.kuberouter.kernel.api.IpPrefix(p.address(), p.length()))
                            .toList());
            writeCni(podCidrs, applyPodNetwork(local.ips()));
            applyEgress(snapshot);
            parseAnnotations(snapshot);
            Optional<BgpPlan> plan = PeerPlanner.plan(node, snapshot.nodes().values(), Map.copyOf(annotations),
                    current, bgpProblems.sink());
            if (plan.isEmpty()) {
                return;
            }
            if (!ensureSpeaker(plan.get(), current)) {
                return;
            }
            NodeBgp mine = annotations.getOrDefault(node.name(), NodeBgp.NONE);
            Set<IpPrefix> vips = ServiceVips.select(snapshot, node.name(), node.ips(), current, bgpProblems.sink());
            applyPeers(plan.get().allPeers());
            Map<IpPrefix, LocalRoute> routes = localRoutes(node, podCidrs, vips);
            originated.keySet().stream().filter(p -> !routes.containsKey(p)).toList().forEach(prefix -> {
                speaker.withdraw(prefix);
                originated.remove(prefix);
            });
            RoutingPolicy next = PolicyBuilder.build(new PolicyInputs(podCidrs, List.copyOf(vips),
                    plan.get().ibgpPeers().stream().map(PeerConfig::address).toList(),
                    plan.get().externalPeers().stream().map(PeerConfig::address).toList(), current.enableIbgp(),
                    current.advertisePodCidr(), current.overrideNextHop(), mine.prepend(), mine.communities(),
                    mine.importReject(), plan.get().routeReflector()));
            if (!next.equals(policy)) {
                speaker.setPolicy(next);
                policy = next;
            }
            routes.forEach((prefix, route) -> {
                if (!route.equals(originated.get(prefix))) {
                    speaker.originate(route);
                    originated.put(prefix, route);
                }
            });
            heartbeat.beat();
        } finally {
            bgpProblems.flush();
            routeRunner.run();
        }
    }

    /**
     * {@code kube-bridge}, the FORWARD rules and bridge netfilter (§5.1 steps 4, 7, 8) for the interface holding the
     * node IP; a kernel failure is reported and retried next round.
     *
     * @return the MTU for the CNI conf: the node interface's with auto-MTU, else none
     */
    private OptionalInt applyPodNetwork(List<InetAddress> nodeIps) {
        try {
            Optional<Link> link = podNetwork.nodeInterface(nodeIps);
            if (link.isEmpty()) {
                bgpProblems.sink().accept("no interface holds a node IP " + nodeIps + "; " + PodNetwork.BRIDGE
                        + " and the FORWARD rules wait for it");
                return OptionalInt.empty();
            }
            PodNetwork desired = PodNetwork.of(link.get().name(), link.get().mtu(), autoMtu);
            podNetwork.apply(desired, bgpProblems.sink());
            return desired.bridgeMtu();
        } catch (io.kuberouter.kernel.api.KernelException e) {
            bgpProblems.sink().accept(PodNetwork.BRIDGE + " or the FORWARD rules not set up: " + e.getMessage());
            return OptionalInt.empty();
        }
    }

    /** Pod egress SNAT ({@code --enable-pod-egress}); a kernel failure is reported and retried next round. */
    private void applyEgress(ClusterSnapshot snapshot) {
        if (egress.isEmpty()) {
            return;
        }
        try {
            egress.get().apply(PodEgress.of(snapshot.nodes().values(), problem -> { }));
        } catch (io.kuberouter.kernel.api.KernelException e) {
            bgpProblems.sink().accept("pod egress SNAT not programmed: " + e.getMessage());
        }
    }

    private void parseAnnotations(ClusterSnapshot snapshot) {
        Map<String, NodeBgp> parsed = new HashMap<>();
        for (Node node : snapshot.nodes().values()) {
            parsed.put(node.name(), NodeAnnotations.parse(node.annotations(),
                    annotations.getOrDefault(node.name(), NodeBgp.NONE),
                    problem -> bgpProblems.sink().accept("node " + node.name() + ": " + problem)));
        }
        annotations.clear();
        annotations.putAll(parsed);
    }

    /** Starts the speaker, or restarts it when AS, router id or listen addresses changed; false if it cannot run. */
    private boolean ensureSpeaker(BgpPlan plan, RouterSettings current) {
        SpeakerConfig config = new SpeakerConfig(plan.asn(), plan.routerId(), plan.listenAddresses(),
                current.bgpPort(), current.gracefulRestart()
                        ? new GracefulRestartConfig(true, Duration.ofSeconds(90), Duration.ofSeconds(360))
                        : GracefulRestartConfig.DISABLED);
        if (speaker != null && speaker.config().equals(config)) {
            return true;
        }
        if (speaker != null) {
            LOG.info("BGP settings changed (AS {}, router id {}): restarting the speaker", plan.asn(),
                    plan.routerId().getHostAddress());
            stopSpeaker();
        }
        try {
            speaker = speakers.start(config);
        } catch (RuntimeException e) {
            LOG.debug("BGP speaker start failed", e);
            bgpProblems.sink().accept("cannot start the BGP speaker (AS " + plan.asn() + ", port "
                    + current.bgpPort() + "): " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : "") + "; retrying");
            return false;
        }
        speakerStarted = clock.instant();
        bestPaths = speaker.subscribe(learned);
        publication.started(speaker);
        LOG.info("BGP speaker started: AS {}, router id {}, listening on {} port {}", plan.asn(),
                plan.routerId().getHostAddress(), plan.listenAddresses(), current.bgpPort());
        return true;
    }

    private void stopSpeaker() {
        if (speaker == null) {
            return;
        }
        publication.stopped();
        Optional.ofNullable(bestPaths).ifPresent(Subscription::close);
        speaker.close();
        speaker = null;
        peers.clear();
        originated.clear();
        policy = null;
        learned.clear();
    }

    private void applyPeers(List<PeerConfig> desired) {
        Map<InetAddress, PeerConfig> wanted = new LinkedHashMap<>();
        desired.forEach(peer -> wanted.putIfAbsent(peer.address(), peer));
        for (InetAddress address : List.copyOf(peers.keySet())) {
            if (!wanted.containsKey(address)) {
                speaker.removePeer(address);
                peers.remove(address);
                LOG.info("BGP peer {} removed", address.getHostAddress());
            }
        }
        wanted.forEach((address, peer) -> {
            PeerConfig existing = peers.get(address);
            if (existing == null) {
                speaker.addPeer(peer);
                LOG.info("BGP peer {} AS {} added", address.getHostAddress(), peer.peerAsn());
            } else if (!existing.equals(peer)) {
                speaker.updatePeer(peer);
            }
            peers.put(address, peer);
        });
    }

    /** Pod CIDRs and VIPs with the node's best IP of their family as next hop (§5.4). */
    private static Map<IpPrefix, LocalRoute> localRoutes(Node node, List<IpPrefix> podCidrs, Set<IpPrefix> vips) {
        Map<IpPrefix, LocalRoute> routes = new LinkedHashMap<>();
        List<IpPrefix> all = new ArrayList<>(podCidrs);
        all.addAll(vips);
        for (IpPrefix prefix : all) {
            node.bestIp(prefix.isIpv4() ? IpFamily.IPV4 : IpFamily.IPV6).map(NodeAnnotations::ipAddress)
                    .ifPresent(nextHop -> routes.put(prefix, LocalRoute.of(prefix, nextHop)));
        }
        return routes;
    }

    private void writeCni(List<IpPrefix> podCidrs, OptionalInt mtu) {
        if (cni.isEmpty()) {
            return;
        }
        List<String> texts = podCidrs.stream().map(p -> p.address().getHostAddress() + "/" + p.length()).toList();
        try {
            cni.get().write(texts, mtu).ifPresent(edit -> LOG.info("CNI conf {}: pod CIDRs {}{} written",
                    cni.get().path(), texts, mtu.isPresent() ? ", mtu " + mtu.getAsInt() : ""));
        } catch (java.io.IOException | IllegalArgumentException e) {
            bgpProblems.sink().accept("CNI conf " + cni.get().path() + " not updated: " + e.getMessage());
        }
    }

    // ---- route round -----------------------------------------------------------------------------------------

    private void syncRoutes() throws Exception {
        LocalView view = local;
        if (view == null) {
            return;
        }
        try {
            KernelRoutes desired = RouteInjection.build(learned.snapshot(), view.ips(), reconciler.localSubnets(),
                    view.podCidrs(), settings);
            reconciler.apply(desired);
            reportInitialSync();
        } catch (Exception e) {
            routeProblems.sink().accept("kernel routes not (all) applied, retrying: " + describe(e));
            throw e;
        } finally {
            routeProblems.flush();
        }
    }

    /** The message of {@code e} and of its causes, one line. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private void reportInitialSync() {
        if (initialSyncReported) {
            return;
        }
        BgpSpeaker running = speaker;
        Instant started = speakerStarted;
        if (running == null || started == null) {
            return;
        }
        boolean allUp = running.peers().stream().allMatch(PeerStatus::isEstablished);
        if (allUp || clock.instant().isAfter(started.plus(routesSyncPeriod))) {
            owner.initialSyncDone();
            initialSyncReported = true;
        }
    }
}
