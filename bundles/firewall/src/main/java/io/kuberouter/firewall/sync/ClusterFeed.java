package io.kuberouter.firewall.sync;

import io.kuberouter.api.cluster.ClusterChange;
import io.kuberouter.api.cluster.ClusterListener;
import io.kuberouter.api.cluster.ClusterState;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds the firewall from the {@link ClusterState} service while one is bound: a change the firewall depends on
 * ({@link Relevance}, judged from the change's own before and after views) marks the feed dirty and asks for a
 * sync. No per-object state is kept, so the deletion of an object listed before the subscription counts like any
 * other change. The cluster state may go and come back (the k8s bundle updated): the feed simply has none in
 * between.
 *
 * <p>Threading: {@link #changed} runs on the cluster state's event thread and never blocks; {@link #bind} and
 * {@link #unbind} come from DS; {@link #drain} and {@link #current} from the sync thread.
 */
final class ClusterFeed implements ClusterListener {

    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Runnable syncRequest;
    private volatile ClusterState state;
    private volatile String localNode = "";
    private ClusterState.Subscription subscription;

    /**
     * @param syncRequest asks for a sync; must not block
     */
    ClusterFeed(Runnable syncRequest) {
        this.syncRequest = syncRequest;
    }

    synchronized void bind(ClusterState cluster) {
        close();
        localNode = cluster.localNodeName();
        state = cluster;
        subscription = cluster.subscribe(this);
        syncRequest.run();
    }

    synchronized void unbind(ClusterState cluster) {
        if (state == cluster) {
            close();
        }
    }

    synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        state = null;
    }

    /** The bound cluster state, or {@code null}. */
    ClusterState current() {
        return state;
    }

    /** Whether a relevant change arrived since the last drain. */
    boolean drain() {
        return dirty.getAndSet(false);
    }

    @Override
    public void changed(ClusterChange change) {
        if (Relevance.matters(change, localNode)) {
            dirty.set(true);
            syncRequest.run();
        }
    }
}
