package io.kuberouter.proxy.nft.sync;

import io.kuberouter.api.capability.HeartbeatRecorder;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.conntrack.Conntrack;
import io.kuberouter.kernel.api.nftables.Nftables;
import io.kuberouter.proxy.health.HealthCheckPorts;
import io.kuberouter.proxy.health.HealthCheckResponder;
import io.kuberouter.proxy.model.NodeContext;
import io.kuberouter.proxy.model.ServiceModelBuilder;
import io.kuberouter.proxy.nft.kernel.NftReconciler;
import io.kuberouter.proxy.nft.plan.BaseRules;
import io.kuberouter.proxy.nft.plan.DesiredNft;
import io.kuberouter.proxy.sync.ServiceFeed;
import io.kuberouter.proxy.sync.ServiceProblems;
import io.kuberouter.reconcile.AppliedRevision;
import io.kuberouter.reconcile.BoundedFrequencyRunner;
import io.kuberouter.reconcile.RunnerScheduler;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nftables proxy's controller (style guide §10 point 8): cluster changes ({@link ServiceFeed}) request syncs
 * from a {@link BoundedFrequencyRunner}; a sync rebuilds the model of the changed Services with the shared
 * {@link ServiceModelBuilder} ({@link ModelUpdate}), translates them per frontend ({@link DesiredNft}) and lets
 * the {@link NftReconciler} write what changed in one nft transaction. The table is rewritten at start, after
 * any failure, after Nftables was (re)bound and when the node's pod CIDRs change; at least every sync period every
 * Service is rebuilt and the differences are written.
 *
 * <p>Syncing pauses while the cluster state, the Nftables service or this node's Node object is missing; the
 * kernel keeps what was last written. Threading: bind methods from any thread; syncs on the runner's thread,
 * which must be in the node's network namespace.
 */
public final class NftProxyController {

    /** Shortest time between the starts of two syncs. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    private static final Logger LOG = LoggerFactory.getLogger(NftProxyController.class);

    private final NftSettings settings;
    private final Clock clock;
    private final NftKernel kernel;
    private final ServiceFeed feed;
    private final NftProxyView view = new NftProxyView();
    private final NftMetrics metrics = new NftMetrics();
    private final HeartbeatRecorder heartbeat;
    private final BoundedFrequencyRunner runner;
    private final NftReconciler reconciler = new NftReconciler();
    private final DesiredNft desired = new DesiredNft();
    private final ModelUpdate models;
    private final HealthCheckResponder healthChecks =
            new HealthCheckResponder(null, reason -> metrics.skipped().labelValues(reason).inc());
    private final AppliedRevision appliedRevision = new AppliedRevision();
    private final AtomicBoolean fullRequested = new AtomicBoolean(true);
    private final AtomicBoolean rebuildRequested = new AtomicBoolean(true);
    private volatile boolean paused = true;
    private NodeContext node;
    private List<String> localAddresses = List.of();
    private Instant lastFull = Instant.MIN;
    private long healthChecksRevision = -1;
    private volatile Runnable rewritten = () -> { };

    /** @param scheduler the runner's thread and clock; {@link RunnerScheduler#dedicatedThread} in production */
    public NftProxyController(NftSettings settings, NftKernel kernel, Clock clock, RunnerScheduler scheduler) {
        this.settings = settings;
        this.clock = clock;
        this.kernel = kernel;
        this.heartbeat = new HeartbeatRecorder("NetworkServicesController", clock, settings.syncPeriod());
        this.runner = BoundedFrequencyRunner.builder("kube-router-proxy-nft", this::sync).minInterval(MIN_INTERVAL)
                .burst(3).maxInterval(settings.syncPeriod())
                .retryInterval(settings.syncPeriod().compareTo(Duration.ofSeconds(5)) < 0 ? settings.syncPeriod()
                        : Duration.ofSeconds(5))
                .scheduler(scheduler).build();
        this.feed = new ServiceFeed(runner::run);
        this.models = new ModelUpdate(new ServiceModelBuilder(settings.model()), desired,
                new ServiceProblems(reason -> metrics.skipped().labelValues(reason).inc()));
    }

    /**
     * Joins the capability owners' rules: {@code synced} runs after every successful table rewrite (the first one
     * is the owner's initial sync), and an earlier process's chains and sets are pruned only while
     * {@code mayPrune} (a periodic round rewrites the table while pruning is pending). Call before
     * {@link #start()}; without it the controller always prunes (tests, benchmarks).
     */
    public void ownedBy(Runnable synced, BooleanSupplier mayPrune) {
        rewritten = synced;
        reconciler.pruneWhen(mayPrune);
    }

    public void start() {
        kernel.listen(this::requestFullSync);
        runner.start();
        runner.run();
    }

    /** Stops syncing (waiting up to 30 s for a sync in progress); the kernel keeps what was written. */
    public void stop() {
        feed.close();
        runner.stop(Duration.ofSeconds(30));
        healthChecks.close();
    }

    /**
     * Deletes the table. Call after {@link #stop()}, in the node's namespace.
     *
     * @throws KernelException when nft refused
     * @throws IllegalStateException when the Nftables service is missing, so nothing could be deleted
     */
    public void removeKernelState() throws KernelException {
        Nftables nft = kernel.nftables();
        if (nft == null) {
            throw new IllegalStateException("the Nftables service is missing");
        }
        reconciler.removeAll(nft);
    }

    public void bindCluster(ClusterState cluster) {
        rebuildRequested.set(true);
        fullRequested.set(true);
        feed.bind(cluster);
    }

    public void unbindCluster(ClusterState cluster) {
        feed.unbind(cluster);
    }

    /** The next sync rewrites the whole table. */
    public void requestFullSync() {
        fullRequested.set(true);
        runner.run();
    }

    public Heartbeats heartbeats() {
        return heartbeat.heartbeats();
    }

    public ServiceProxyView view() {
        return view;
    }

    public NftMetrics metrics() {
        return metrics;
    }

    /** Waits until a sync has programmed cluster revision {@code revision} or later; false on timeout. */
    public boolean awaitApplied(long revision, Duration timeout) throws InterruptedException {
        return appliedRevision.await(revision, timeout);
    }

    private void sync() throws KernelException {
        ClusterState cluster = feed.current();
        Nftables nft = kernel.nftables();
        if (cluster == null || nft == null) {
            pause(cluster == null ? "no cluster state" : "the Nftables service is missing");
            return;
        }
        // drained before the snapshot is taken, so that every change drained is in it; one arriving in between
        // stays dirty for the next round
        ServiceFeed.Dirty dirty = feed.drain();
        ClusterSnapshot snapshot = cluster.snapshot();
        Node self = snapshot.localNodeObject();
        if (self == null) {
            rebuildRequested.set(true);
            pause("no Node object named " + snapshot.localNode());
            return;
        }
        resume();
        Instant start = clock.instant();
        boolean rewrite = fullRequested.getAndSet(false) || reconciler.needsFull();
        boolean periodic = !start.isBefore(lastFull.plus(settings.syncPeriod()));
        try {
            round(nft, snapshot, dirty, self, rewrite, periodic, start);
        } catch (KernelException | RuntimeException e) {
            fullRequested.set(true);
            rebuildRequested.set(true);
            LOG.error("Aborting sync: {}; the kernel keeps what was written, retrying with a full sync",
                    e.getMessage());
            throw e;
        }
    }

    /**
     * @param rewrite rewrite the whole table (start, failure, Nftables re-bound, pod CIDRs changed)
     * @param periodic the sync period is over: rebuild every Service and write the differences (at thousands of
     *     Services a table rewrite costs nft tens of seconds, during which no change could be programmed)
     */
    private void round(Nftables nft, ClusterSnapshot snapshot, ServiceFeed.Dirty dirty, Node self, boolean rewrite,
            boolean periodic, Instant start) throws KernelException {
        boolean full = rewrite || periodic;
        if (full && settings.model().nodePortBindOnAllIp()) {
            localAddresses = localAddresses(kernel.addresses());
        }
        NodeContext context = NodeContext.of(self, localAddresses);
        boolean rebuild = rebuildRequested.getAndSet(false) | full | dirty.node() | !context.equals(node);
        node = context;
        Set<String> changed = new HashSet<>();
        Set<ObjectKey> services = rebuild ? models.all(snapshot, context, changed)
                : models.some(snapshot, dirty.services(), context, changed);
        BaseRules.Base base = BaseRules.of(settings.model().families(), context.podCidrs(), settings.masqueradeAll());
        if (rewrite || !base.equals(reconciler.appliedBase()) || periodic && reconciler.prunePending()) {
            reconciler.full(nft, base, desired);
            rewritten.run();
        } else if (!changed.isEmpty()) {
            clearUdp(reconciler.incremental(nft, desired, changed));
        }
        if (full) {
            lastFull = start;
        }
        finish(snapshot, services, changed, full, start);
    }

    /** kube-router's UDP cleanup: {@code conntrack -D --orig-dst VIP -p udp --dport PORT}. */
    private void clearUdp(List<Frontend> frontends) {
        Conntrack conntrack = kernel.conntrack();
        if (conntrack == null) {
            return;
        }
        for (Frontend f : frontends) {
            try {
                conntrack.deleteByOriginalDestination(IpProtocol.UDP, IpPrefix.address(f.address()), f.port());
            } catch (KernelException e) {
                LOG.warn("could not delete the conntrack entries of {}: {}", f.id(), e.getMessage());
            }
        }
    }

    private void finish(ClusterSnapshot snapshot, Set<ObjectKey> services, Set<String> changed, boolean full,
            Instant start) {
        if (full) {
            services = new HashSet<>(services);
            services.addAll(view.keys());
            services.addAll(desired.services());
        }
        view.publish(services, desired::model, snapshot.revision());
        serveHealthChecks(snapshot);
        heartbeat.beat();
        Duration took = Duration.between(start, clock.instant());
        metrics.syncTime().labelValues(full ? "full" : "incremental").observe(took.toNanos() / 1e9);
        metrics.frontends().set(desired.all().size());
        appliedRevision.publish(snapshot.revision());
        LOG.debug("{} sync of revision {}: {} services, {} frontends changed, took {}",
                full ? "full" : "incremental", snapshot.revision(), services.size(), changed.size(), took);
    }

    /**
     * kube-router's {@code getAllLocalIPs}: every address except those on links whose name contains
     * {@code dummy}, {@code kube} or {@code docker}, and IPv6 link-local ones.
     */
    private static List<String> localAddresses(Addresses addresses) throws KernelException {
        List<String> local = new ArrayList<>();
        if (addresses == null) {
            LOG.warn("--nodeport-bindon-all-ip: the Addresses service is missing, NodePorts only on the node IP");
            return local;
        }
        for (Address a : addresses.list()) {
            InetAddress ip = a.prefix().address();
            String text = IpPrefix.text(ip);
            boolean excluded = a.link().contains("dummy") || a.link().contains("kube") || a.link().contains("docker");
            if (!excluded && !(ip instanceof Inet6Address && ip.isLinkLocalAddress()) && !local.contains(text)) {
                local.add(text);
            }
        }
        return local;
    }

    /** The {@code healthCheckNodePort} servers follow each successful sync of a new cluster revision. */
    private void serveHealthChecks(ClusterSnapshot snapshot) {
        if (snapshot.revision() != healthChecksRevision) {
            healthChecks.apply(HealthCheckPorts.desired(snapshot));
            healthChecksRevision = snapshot.revision();
        }
    }

    private void pause(String why) {
        if (!paused) {
            paused = true;
            LOG.info("service proxy sync paused ({}); the kernel keeps what was last written", why);
        }
    }

    private void resume() {
        if (paused) {
            paused = false;
            LOG.info("service proxy syncing: cluster state, Node object and Nftables are available");
        }
    }
}
