package io.kuberouter.firewall.sync;

import io.kuberouter.api.cluster.ClusterChange;
import io.kuberouter.api.cluster.ClusterListener;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.reconcile.Change;
import io.kuberouter.reconcile.ChangeTracker;
import java.util.Map;

/**
 * Feeds the firewall from the {@link ClusterState} service while one is bound: records every change the firewall
 * depends on ({@link Relevance}) in a change tracker and asks for a sync when one is pending. The cluster state may
 * go and come back (the k8s bundle updated): the feed simply has none in between.
 *
 * <p>Threading: {@link #changed} runs on the cluster state's event thread and never blocks; {@link #bind} and
 * {@link #unbind} come from DS; {@link #drain} and {@link #current} from the sync thread.
 */
final class ClusterFeed implements ClusterListener {

    private final ChangeTracker<Relevance.Key, Object> tracker = new ChangeTracker<>();
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

    /** The changes since the last drain. */
    Map<Relevance.Key, Change<Object>> drain() {
        return tracker.drain();
    }

    @Override
    public void changed(ClusterChange change) {
        Relevance.key(change, localNode).ifPresent(key -> {
            if (change.current() == null) {
                tracker.remove(key);
            } else {
                tracker.put(key, Relevance.view(change.current()));
            }
            if (tracker.pendingCount() > 0) {
                syncRequest.run();
            }
        });
    }
}
