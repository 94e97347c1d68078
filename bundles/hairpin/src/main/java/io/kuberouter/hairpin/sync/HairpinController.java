package io.kuberouter.hairpin.sync;

import io.kuberouter.api.capability.HeartbeatRecorder;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.ServiceProxyExtension;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.hairpin.kernel.HairpinKernel;
import io.kuberouter.hairpin.kernel.HairpinReconciler;
import io.kuberouter.hairpin.model.DesiredHairpin;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.reconcile.BoundedFrequencyRunner;
import io.kuberouter.reconcile.RunnerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hairpin as a {@link ServiceProxyExtension}: it claims nothing (hairpin traffic stays IPVS NAT); after each proxy
 * sync {@link #programmed} records the proxy's view and wakes hairpin's own bounded-frequency runner, whose sync
 * builds {@link DesiredHairpin} from the view and the Services' annotations and hands it to the
 * {@link HairpinReconciler}. The proxy's sync thread never waits for hairpin's kernel work.
 */
public final class HairpinController implements ServiceProxyExtension {

    public static final String NAME = "hairpin";
    private static final Logger LOG = LoggerFactory.getLogger(HairpinController.class);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final HairpinReconciler reconciler;
    private final BoundedFrequencyRunner runner;
    private final HeartbeatRecorder heartbeat;
    private final boolean hairpinMode;
    private final AtomicLong appliedRevision = new AtomicLong(-1);
    private volatile ServiceProxyView view;
    private volatile ClusterState cluster;
    private volatile Runnable firstSync = () -> { };

    /** @param hairpinMode {@code --hairpin-mode}: hairpin rules for every Service */
    public HairpinController(HairpinKernel kernel, Set<IpFamily> families, boolean hairpinMode, Duration syncPeriod,
            Clock clock, RunnerScheduler scheduler) {
        this.reconciler = new HairpinReconciler(kernel, families);
        this.hairpinMode = hairpinMode;
        this.heartbeat = new HeartbeatRecorder("HairpinController", clock, syncPeriod);
        this.runner = BoundedFrequencyRunner.builder("kube-router-hairpin", this::sync).minInterval(MIN_INTERVAL)
                .burst(2).maxInterval(syncPeriod).retryInterval(Duration.ofSeconds(5)).scheduler(scheduler)
                .listener(result -> {
                    if (!result.succeeded()) {
                        LOG.warn("hairpin sync failed, retrying: {}", result.failure().toString());
                    }
                }).build();
    }

    public void start() {
        runner.start();
    }

    /** Stops syncing (waiting up to 30 s for a sync in progress); the kernel keeps what was written. */
    public void stop() {
        runner.stop(Duration.ofSeconds(30));
    }

    /** Removes the chain and its jumps. Call after {@link #stop()}, in the node's namespace. */
    public void removeKernelState() throws KernelException {
        reconciler.removeAll();
        appliedRevision.set(-1);
    }

    /** Continues where {@code previous} (stopped, its kernel state kept) left off: its last view of the proxy. */
    public void continueFrom(HairpinController previous) {
        ServiceProxyView last = previous.view;
        if (last != null) {
            programmed(last, Set.of());
        }
    }

    /** Runs {@code action} once, after the first successful sync. */
    public void onFirstSync(Runnable action) {
        firstSync = action;
    }

    /** Binds the cluster state (the Services' annotations); a Service change reaches hairpin through the proxy. */
    public void bindCluster(ClusterState state) {
        cluster = state;
        runner.run();
    }

    public void unbindCluster(ClusterState state) {
        if (cluster == state) {
            cluster = null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Delivery> claim(Service service, VirtualServer server) {
        return Optional.empty();
    }

    @Override
    public void programmed(ServiceProxyView current, Set<ObjectKey> changed) {
        view = current;
        runner.run();
    }

    public Heartbeats heartbeats() {
        return heartbeat.heartbeats();
    }

    /** The proxy revision hairpin last programmed, -1 before the first sync. */
    public long appliedRevision() {
        return appliedRevision.get();
    }

    /** Hairpin endpoints whose veth has {@code hairpin_mode} off, pod to port, as of the last sync. */
    public Map<String, String> lackingHairpinMode() {
        return reconciler.lacking();
    }

    private void sync() throws KernelException {
        ServiceProxyView current = view;
        if (current == null) {
            return;
        }
        ClusterState state = cluster;
        ClusterSnapshot snapshot = state == null ? null : state.snapshot();
        reconciler.apply(DesiredHairpin.build(current, snapshot, hairpinMode));
        heartbeat.beat();
        if (appliedRevision.getAndSet(current.revision()) < 0) {
            firstSync.run();
        }
    }
}
