package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.api.capability.HeartbeatRecorder;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.ServiceProxyExtension;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.health.HealthCheckPorts;
import io.kuberouter.proxy.health.HealthCheckResponder;
import io.kuberouter.proxy.ipvs.kernel.LocalAddresses;
import io.kuberouter.proxy.ipvs.kernel.ProxyKernel;
import io.kuberouter.proxy.ipvs.kernel.ProxyReconciler;
import io.kuberouter.proxy.ipvs.plan.DesiredIpvs;
import io.kuberouter.proxy.model.NodeContext;
import io.kuberouter.proxy.model.ServiceModelBuilder;
import io.kuberouter.proxy.sync.ServiceFeed;
import io.kuberouter.proxy.sync.ServiceProblems;
import io.kuberouter.reconcile.AppliedRevision;
import io.kuberouter.reconcile.BoundedFrequencyRunner;
import io.kuberouter.reconcile.RunnerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's controller (style guide §10 point 8): cluster changes ({@link ServiceFeed}) request syncs from a
 * {@link BoundedFrequencyRunner}, which coalesces them; a sync rebuilds the model of the changed Services only
 * ({@link ModelUpdate}) and writes what their virtual services need ({@link ProxyReconciler}). A sync is full
 * (the kernel is read back, drift repaired, stale owned objects pruned) at start, after any failure, after a
 * kernel service was (re)bound, and at least every {@code --ipvs-sync-period}. Nothing is flushed, ever.
 *
 * <p>Syncing pauses while the cluster state, a kernel service or this node's Node object is missing; the kernel
 * keeps what was last written. Threading: bind methods from any thread; syncs on the runner's thread, which
 * must be in the node's network namespace.
 */
public final class ProxyController {

    /** Shortest time between the starts of two syncs; a change after a quiet spell is programmed at once. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    /** How often draining destinations are checked (kube-router's graceful termination ticker). */
    static final Duration DRAIN_SWEEP = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ProxyController.class);

    private final ProxySettings settings;
    private final Clock clock;
    private final ServiceFeed feed;
    private final KernelBindings kernels;
    private final Extensions extensions;
    private final ProxyView view = new ProxyView(this::currentIpvs);
    private final ProxyMetrics metrics;
    private final HeartbeatRecorder heartbeat;
    private final BoundedFrequencyRunner runner;
    private final ProxyReconciler reconciler;
    private final DesiredIpvs desired = new DesiredIpvs();
    private final ModelUpdate models;
    private final HealthCheckResponder healthChecks;
    private final AppliedRevision appliedRevision = new AppliedRevision();
    private final AtomicBoolean fullRequested = new AtomicBoolean(true);
    private final AtomicBoolean rebuildRequested = new AtomicBoolean(true);
    private final ScheduledExecutorService drainTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kube-router-proxy-drain");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean draining;
    private volatile boolean paused = true;
    private NodeContext node;
    private LocalAddresses local;
    private Instant lastFull = Instant.MIN;
    private Instant lastSweep = Instant.MIN;
    private long healthChecksRevision = -1;
    private volatile Runnable fullSynced = () -> { };

    /**
     * @param kernels the kernel services, bound by the caller; shared with the controller that ran before
     * @param scheduler the runner's thread and clock; {@link RunnerScheduler#dedicatedThread} in production
     */
    public ProxyController(ProxySettings settings, KernelBindings kernels, Clock clock, RunnerScheduler scheduler) {
        this.settings = settings;
        this.clock = clock;
        this.heartbeat = new HeartbeatRecorder("NetworkServicesController", clock, settings.syncPeriod());
        this.reconciler = new ProxyReconciler(settings.kernel());
        this.runner = BoundedFrequencyRunner.builder("kube-router-proxy", this::sync).minInterval(MIN_INTERVAL)
                .burst(3).maxInterval(settings.syncPeriod()).retryInterval(min(settings.syncPeriod(),
                        Duration.ofSeconds(5))).scheduler(scheduler).build();
        this.kernels = kernels;
        this.metrics = new ProxyMetrics(() -> kernels.current() == null ? null : kernels.current().ipvs());
        this.extensions = new Extensions(this::requestRebuild);
        this.feed = new ServiceFeed(runner::run);
        this.models = new ModelUpdate(new ServiceModelBuilder(settings.model()), desired,
                new ServiceProblems(reason -> metrics.skipped().labelValues(reason).inc()), extensions);
        this.healthChecks = new HealthCheckResponder(null, reason -> metrics.skipped().labelValues(reason).inc());
    }

    private Ipvs currentIpvs() {
        ProxyKernel current = kernels.current();
        return current == null ? null : current.ipvs();
    }

    /**
     * Joins the capability owners' rules: {@code synced} runs after every successful full round (the first one is
     * the owner's initial sync), and stale objects of an earlier process are pruned only while {@code mayPrune}.
     * Call before {@link #start()}; without it the controller always prunes (tests, benchmarks).
     */
    public void ownedBy(Runnable synced, BooleanSupplier mayPrune) {
        fullSynced = synced;
        reconciler.pruneWhen(mayPrune);
    }

    public void start() {
        kernels.listen(this::requestFullSync);
        runner.start();
        runner.run();
        long sweep = DRAIN_SWEEP.toMillis();
        drainTimer.scheduleWithFixedDelay(() -> {
            if (draining) {
                runner.run();
            }
        }, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** Stops syncing (waiting up to 30 s for a sync in progress); the kernel keeps what was written. */
    public void stop() {
        feed.close();
        drainTimer.shutdownNow();
        runner.stop(Duration.ofSeconds(30));
        healthChecks.close();
    }

    /**
     * Removes every kernel object the proxy owns. Call after {@link #stop()}, in the node's namespace.
     *
     * @throws KernelException when the kernel refused part of it
     * @throws IllegalStateException when a kernel service is missing, so nothing could be removed
     */
    public void removeKernelState() throws KernelException {
        ProxyKernel kernel = kernels.current();
        if (kernel == null) {
            throw new IllegalStateException("a kernel service is missing");
        }
        reconciler.removeAll(kernel);
    }

    public void bindCluster(ClusterState cluster) {
        rebuildRequested.set(true);
        fullRequested.set(true);
        feed.bind(cluster);
    }

    public void unbindCluster(ClusterState cluster) {
        feed.unbind(cluster);
    }

    public void addExtension(ServiceProxyExtension extension) {
        extensions.add(extension);
    }

    public void removeExtension(ServiceProxyExtension extension) {
        extensions.remove(extension);
    }

    /** The next sync is full. */
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

    public ProxyMetrics metrics() {
        return metrics;
    }

    /** Waits until a sync has programmed cluster revision {@code revision} or later; false on timeout. */
    public boolean awaitApplied(long revision, Duration timeout) throws InterruptedException {
        return appliedRevision.await(revision, timeout);
    }

    private void requestRebuild() {
        rebuildRequested.set(true);
        runner.run();
    }

    private void sync() throws KernelException {
        ClusterState cluster = feed.current();
        ProxyKernel kernel = kernels.current();
        if (cluster == null || kernel == null) {
            pause(cluster == null ? "no cluster state" : "a kernel service is missing");
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
        boolean full = fullRequested.getAndSet(false) || reconciler.needsFull()
                || !start.isBefore(lastFull.plus(settings.syncPeriod()));
        try {
            round(kernel, snapshot, dirty, self, full, start);
        } catch (KernelException | RuntimeException e) {
            fullRequested.set(true);
            rebuildRequested.set(true);
            LOG.error("Aborting sync: {}; the kernel keeps what was written, retrying with a full sync",
                    e.getMessage());
            throw e;
        }
    }

    private void round(ProxyKernel kernel, ClusterSnapshot snapshot, ServiceFeed.Dirty dirty, Node self,
            boolean full, Instant start) throws KernelException {
        if (full || local == null) {
            local = LocalAddresses.read(kernel);
        }
        NodeContext context = NodeContext.of(self, local.addresses());
        boolean rebuild = rebuildRequested.getAndSet(false) || dirty.node() || !context.equals(node);
        node = context;
        Set<ServiceKey> changed = new HashSet<>();
        Set<ObjectKey> services = rebuild ? models.all(snapshot, context, changed)
                : models.some(snapshot, dirty.services(), context, changed);
        PodGracePeriods grace = new PodGracePeriods(snapshot, settings.kernel().gracefulPeriod());
        if (full) {
            reconciler.full(kernel, desired, context, local, grace, start);
            lastFull = start;
            fullSynced.run();
        } else if (!changed.isEmpty()) {
            reconciler.incremental(kernel, desired, changed, context, grace, start);
        }
        sweepDrains(kernel, start);
        finish(snapshot, services, changed, full, start);
    }

    private void sweepDrains(ProxyKernel kernel, Instant now) throws KernelException {
        if (reconciler.draining() && !now.isBefore(lastSweep.plus(DRAIN_SWEEP))) {
            reconciler.sweep(kernel, now);
            lastSweep = now;
        }
        draining = reconciler.draining();
    }

    private void finish(ClusterSnapshot snapshot, Set<ObjectKey> services, Set<ServiceKey> changed, boolean full,
            Instant start) {
        if (full) {
            services = new HashSet<>(services);
            services.addAll(view.keys());
            services.addAll(desired.services());
        }
        if (full) {
            metrics.publishAll(desired);
        } else {
            metrics.publish(changed, desired);
        }
        view.publish(services, desired::model, snapshot.revision());
        extensions.programmed(view, services);
        serveHealthChecks(snapshot);
        heartbeat.beat();
        Duration took = Duration.between(start, clock.instant());
        metrics.syncTime().observe(took.toNanos() / 1e9);
        appliedRevision.publish(snapshot.revision());
        LOG.debug("{} sync of revision {}: {} services, {} virtual services changed, took {}",
                full ? "full" : "incremental", snapshot.revision(), services.size(), changed.size(), took);
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
            LOG.info("service proxy syncing: cluster state, Node object and kernel services are available");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
