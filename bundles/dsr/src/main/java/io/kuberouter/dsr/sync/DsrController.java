package io.kuberouter.dsr.sync;

import io.kuberouter.api.capability.HeartbeatRecorder;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.ServiceProxyExtension;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.dsr.kernel.DsrKernel;
import io.kuberouter.dsr.kernel.DsrReconciler;
import io.kuberouter.dsr.model.DesiredDsr;
import io.kuberouter.dsr.model.DsrClaims;
import io.kuberouter.dsr.model.DsrMarks;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.reconcile.BoundedFrequencyRunner;
import io.kuberouter.reconcile.RunnerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSR as a {@link ServiceProxyExtension}: {@link #claim} hands the proxy the tunnel delivery of annotated
 * external frontends (the proxy then programs the fwmark IPVS service with tunnel destinations and leaves the VIP
 * off {@code kube-dummy-if}); {@link #programmed} records the proxy's view and wakes DSR's own bounded-frequency
 * runner, whose sync builds {@link DesiredDsr} from that view and the cluster state and hands it to the
 * {@link DsrReconciler}. Pod changes wake the runner too (a pod's IP may appear after its endpoint). The proxy's
 * sync thread never waits for DSR's kernel work.
 */
public final class DsrController implements ServiceProxyExtension {

    private static final Logger LOG = LoggerFactory.getLogger(DsrController.class);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private volatile DsrClaims claims = new DsrClaims(new DsrMarks());
    private final DsrReconciler reconciler;
    private final BoundedFrequencyRunner runner;
    private final HeartbeatRecorder heartbeat;
    private final AtomicLong appliedRevision = new AtomicLong(-1);
    private volatile ServiceProxyView view;
    private volatile ClusterState cluster;
    private volatile ClusterState.Subscription subscription;
    private volatile Runnable firstSync = () -> { };

    public DsrController(DsrKernel kernel, Set<IpFamily> families, Duration syncPeriod, Clock clock,
            RunnerScheduler scheduler) {
        this.reconciler = new DsrReconciler(kernel, families);
        this.heartbeat = new HeartbeatRecorder("DsrController", clock, syncPeriod);
        this.runner = BoundedFrequencyRunner.builder("kube-router-dsr", this::sync).minInterval(MIN_INTERVAL)
                .burst(2).maxInterval(syncPeriod).retryInterval(Duration.ofSeconds(5)).scheduler(scheduler)
                .listener(result -> {
                    if (!result.succeeded()) {
                        LOG.warn("DSR sync failed, retrying: {}", result.failure().toString());
                    }
                }).build();
    }

    public void start() {
        runner.start();
    }

    /** Stops syncing (waiting up to 30 s for a sync in progress); the kernel keeps what was written. */
    public void stop() {
        unbindCluster(cluster);
        runner.stop(Duration.ofSeconds(30));
    }

    /** Removes everything DSR owns. Call after {@link #stop()}, in the node's namespace. */
    public void removeKernelState() throws KernelException {
        reconciler.removeAll();
        appliedRevision.set(-1);
    }

    /**
     * Continues where {@code previous} (stopped, its kernel state kept) left off, after a configuration change: its
     * firewall marks and its last view of the proxy, so the first sync finds everything in place.
     */
    public void continueFrom(DsrController previous) {
        claims = previous.claims;
        ServiceProxyView last = previous.view;
        if (last != null) {
            programmed(last, Set.of());
        }
    }

    /**
     * Deletes an earlier process's stale rules only while {@code gate} says so (the capability owners' shared
     * gate). Call before {@link #start()}; without it the controller always prunes (tests).
     */
    public void pruneWhen(BooleanSupplier gate) {
        reconciler.pruneWhen(gate);
    }

    /** Runs {@code action} once, after the first successful sync (e.g. opening the prune gate). */
    public void onFirstSync(Runnable action) {
        firstSync = action;
    }

    public synchronized void bindCluster(ClusterState state) {
        unbindCluster(cluster);
        cluster = state;
        subscription = state.subscribe(change -> {
            if (change.kind() == ResourceKind.POD || change.kind() == ResourceKind.NODE) {
                runner.run();
            }
        });
        runner.run();
    }

    public synchronized void unbindCluster(ClusterState state) {
        if (state != null && cluster == state) {
            subscription.close();
            cluster = null;
            subscription = null;
        }
    }

    @Override
    public String name() {
        return DsrClaims.NAME;
    }

    @Override
    public Optional<Delivery> claim(Service service, VirtualServer server) {
        return claims.claim(service, server);
    }

    @Override
    public void programmed(ServiceProxyView current, Set<ObjectKey> changed) {
        view = current;
        runner.run();
    }

    public Heartbeats heartbeats() {
        return heartbeat.heartbeats();
    }

    /** The proxy revision DSR last programmed, -1 before the first sync. */
    public long appliedRevision() {
        return appliedRevision.get();
    }

    /** Pod IPs whose tunnel DSR configured. */
    public Set<String> configuredPods() {
        return reconciler.configuredPods();
    }

    private void sync() throws KernelException {
        ServiceProxyView current = view;
        if (current == null) {
            return;
        }
        ClusterState state = cluster;
        ClusterSnapshot snapshot = state == null ? null : state.snapshot();
        reconciler.apply(DesiredDsr.build(current, snapshot), nodeIps(snapshot));
        heartbeat.beat();
        if (appliedRevision.getAndSet(current.revision()) < 0) {
            LOG.info("DSR programmed the proxy's revision {}", current.revision());
            firstSync.run();
        }
    }

    private static Map<IpFamily, String> nodeIps(ClusterSnapshot snapshot) {
        Map<IpFamily, String> ips = new EnumMap<>(IpFamily.class);
        Node node = snapshot == null ? null : snapshot.localNodeObject();
        if (node != null) {
            for (IpFamily family : IpFamily.values()) {
                node.bestIp(family).ifPresent(ip -> ips.put(family, ip));
            }
        }
        return ips;
    }
}
