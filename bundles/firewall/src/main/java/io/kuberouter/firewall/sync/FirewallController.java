package io.kuberouter.firewall.sync;

import io.kuberouter.api.capability.HeartbeatRecorder;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.firewall.FirewallView;
import io.kuberouter.firewall.build.BuildCache;
import io.kuberouter.firewall.build.FirewallBuilder;
import io.kuberouter.firewall.build.Settings;
import io.kuberouter.firewall.kernel.FirewallReconciler;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.reconcile.AppliedRevision;
import io.kuberouter.reconcile.BoundedFrequencyRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firewall's controller: cluster changes ({@link ClusterFeed}) request syncs from a
 * {@link BoundedFrequencyRunner}, which coalesces them; each sync builds the whole desired state
 * ({@link FirewallBuilder}) and hands it to the {@link FirewallReconciler}. A sync is incremental (only changed
 * chains and sets are written, against the state the last sync wrote) unless a full sync is due: at start, after
 * any failure, when a kernel service or the cluster state was (re)bound, after a configuration change, and at least
 * every {@code --iptables-sync-period}, which re-reads the kernel and repairs drift.
 *
 * <p>Syncing pauses while the cluster state or a kernel service is missing; the kernel keeps the last state
 * written. Threading: the bind methods may be called from any thread; syncs run on the runner's thread.
 */
public final class FirewallController {

    /** Shortest time between two syncs: bursts of changes coalesce, a single change is applied at once. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(20);
    private static final Logger LOG = LoggerFactory.getLogger(FirewallController.class);

    private final FirewallReconciler reconciler;
    private final Clock clock;
    private final Duration period;
    private final ClusterFeed feed;
    private final BoundedFrequencyRunner runner;
    private final HeartbeatRecorder heartbeat;
    private final FirewallMetrics metrics = new FirewallMetrics();
    private final ProblemLog problems = new ProblemLog(metrics::skipped);
    private final SyncVersions versions;
    private final AtomicBoolean fullRequested = new AtomicBoolean(true);
    private final AtomicBoolean revisionRequested = new AtomicBoolean();
    private final Set<IpFamily> familiesToRemove = EnumSet.noneOf(IpFamily.class);
    private final AppliedRevision appliedRevision = new AppliedRevision();
    private final BuildCache cache = new BuildCache();
    private final ProgrammedView view = new ProgrammedView();
    private volatile Settings settings;
    private volatile Iptables iptables;
    private volatile Ipsets ipsets;
    private volatile boolean paused = true;
    private DesiredState applied;
    private Instant lastFull = Instant.MIN;
    private volatile Runnable fullSynced = () -> { };

    public FirewallController(Settings settings, Duration period, KernelOwnership ownership, Clock clock) {
        this.settings = settings;
        this.period = period;
        this.clock = clock;
        this.reconciler = new FirewallReconciler(ownership, metrics);
        this.heartbeat = new HeartbeatRecorder("NetworkPolicyController", clock, period);
        this.versions = new SyncVersions(clock);
        this.runner = BoundedFrequencyRunner.builder("kube-router-firewall", this::sync).minInterval(MIN_INTERVAL)
                .maxInterval(period).retryInterval(period.compareTo(Duration.ofSeconds(5)) < 0 ? period
                        : Duration.ofSeconds(5)).build();
        this.feed = new ClusterFeed(runner::run);
    }

    /**
     * Joins the capability owners' rules: {@code synced} runs after every successful full sync (the first one
     * is the owner's initial sync), and stale objects of an earlier process are pruned only while
     * {@code mayPrune}. Call before {@link #start()}; without it the controller always prunes (tests, benchmarks).
     */
    public void ownedBy(Runnable synced, BooleanSupplier mayPrune) {
        fullSynced = synced;
        reconciler.pruneWhen(mayPrune);
    }

    public void start() {
        runner.start();
        runner.run();
    }

    /** Stops syncing (waiting up to 30 s for a sync in progress); the kernel keeps the last state written. */
    public void stop() {
        feed.close();
        runner.stop(Duration.ofSeconds(30));
    }

    public void bindCluster(ClusterState cluster) {
        fullRequested.set(true);
        feed.bind(cluster);
    }

    public void unbindCluster(ClusterState cluster) {
        feed.unbind(cluster);
    }

    /** A (new) iptables service: the next sync is full, as the kernel may have changed meanwhile. */
    public void bindIptables(Iptables service) {
        iptables = service;
        requestFull();
    }

    public void unbindIptables(Iptables service) {
        if (iptables == service) {
            iptables = null;
        }
    }

    public void bindIpsets(Ipsets service) {
        ipsets = service;
        requestFull();
    }

    public void unbindIpsets(Ipsets service) {
        if (ipsets == service) {
            ipsets = null;
        }
    }

    /** New configuration: families no longer enabled are cleaned, the next sync is full. */
    public void updateSettings(Settings next) {
        synchronized (familiesToRemove) {
            familiesToRemove.addAll(settings.families());
            familiesToRemove.removeAll(next.families());
        }
        settings = next;
        requestFull();
    }

    /**
     * Removes every chain, jump and ipset the firewall owns in the enabled families. Call after {@link #stop()}.
     *
     * @throws KernelException if the kernel refused; some state may remain
     * @throws IllegalStateException when the iptables or ipset service is missing, so nothing could be removed
     */
    public void removeKernelState() throws KernelException {
        Iptables ipt = iptables;
        Ipsets ips = ipsets;
        if (ipt == null || ips == null) {
            throw new IllegalStateException("no iptables or ipset service is available");
        }
        reconciler.remove(ipt, ips, settings.families());
        view.publish(null);
    }

    public Heartbeats heartbeats() {
        return heartbeat.heartbeats();
    }

    /** {@code kube_router_firewall_sync_failures_total}: syncs whose kernel writes failed. */
    public long failedSyncs() {
        return metrics.failures();
    }

    /** {@code kube_router_firewall_skipped_rules_total} by reason. */
    public Map<String, Long> skippedRules() {
        return metrics.skippedTotals();
    }

    /** What the last successful sync wrote, per pod; to register as a service. */
    public FirewallView view() {
        return view;
    }

    /** The metrics, to register with the metrics capability. */
    public FirewallMetrics metrics() {
        return metrics;
    }

    /**
     * Waits until the kernel holds the state of cluster revision {@code revision} or later: a sync built from it, or
     * a sync that found no change the firewall depends on since the last one (changes the change tracker dropped
     * advance no build). For tests and benchmarks: it assumes the changes up to {@code revision} were delivered.
     *
     * @return false on timeout
     */
    public boolean awaitApplied(long revision, Duration timeout) throws InterruptedException {
        revisionRequested.set(true);
        runner.run();
        return appliedRevision.await(revision, timeout);
    }

    private void requestFull() {
        fullRequested.set(true);
        runner.run();
    }

    private void sync() throws KernelException {
        ClusterState cluster = feed.current();
        Iptables ipt = iptables;
        Ipsets ips = ipsets;
        if (cluster == null || ipt == null || ips == null) {
            pause(cluster == null ? "no cluster state" : "no iptables/ipset service");
            return;
        }
        resume();
        long seen = revisionRequested.getAndSet(false) ? cluster.snapshot().revision() : -1;
        boolean changed = feed.drain();
        boolean full = fullRequested.getAndSet(false) || applied == null
                || !clock.instant().isBefore(lastFull.plus(period));
        if (!full && !changed) {
            appliedRevision.publish(seen);
            return;
        }
        removeDisabledFamilies(ipt, ips);
        syncTo(cluster, ipt, ips, full);
    }

    /** Builds the state of the cluster's current snapshot and writes it: in full, or against the last state. */
    private void syncTo(ClusterState cluster, Iptables ipt, Ipsets ips, boolean full) throws KernelException {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        DesiredState desired = FirewallBuilder.build(cluster.snapshot(), settings, full ? null : applied,
                versions.next(), cache);
        long built = System.nanoTime() - t0;
        problems.report(desired.problems());
        write(ipt, ips, desired, full);
        if (full) {
            lastFull = start;
            fullSynced.run();
        }
        heartbeat.beat();
        metrics.synced(desired, System.nanoTime() - t0, built);
        appliedRevision.publish(desired.revision());
        LOG.debug("{} sync of revision {}: build {} ms, total {} ms", full ? "full" : "incremental",
                desired.revision(), built / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
    }

    private void write(Iptables ipt, Ipsets ips, DesiredState desired, boolean full) throws KernelException {
        try {
            reconciler.apply(ipt, ips, desired, full ? null : applied);
            applied = desired;
            view.publish(desired);
        } catch (KernelException | RuntimeException e) {
            applied = null;
            fullRequested.set(true);
            metrics.failed();
            LOG.error("Aborting sync: {}; the kernel keeps the previous rules, retrying", e.getMessage());
            throw e;
        }
    }

    private void removeDisabledFamilies(Iptables ipt, Ipsets ips) throws KernelException {
        Set<IpFamily> remove;
        synchronized (familiesToRemove) {
            remove = EnumSet.copyOf(familiesToRemove);
            familiesToRemove.clear();
        }
        if (!remove.isEmpty()) {
            LOG.info("removing the firewall's state of the disabled families {}", remove);
            reconciler.remove(ipt, ips, remove);
        }
    }

    private void pause(String why) {
        if (!paused) {
            paused = true;
            LOG.info("firewall sync paused ({}); the kernel keeps the rules last written", why);
        }
    }

    private void resume() {
        if (paused) {
            paused = false;
            LOG.info("firewall syncing: cluster state, iptables and ipset services are bound");
        }
    }
}
