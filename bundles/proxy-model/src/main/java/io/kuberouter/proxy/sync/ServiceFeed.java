package io.kuberouter.proxy.sync;

import io.kuberouter.api.cluster.ClusterChange;
import io.kuberouter.api.cluster.ClusterListener;
import io.kuberouter.api.cluster.ClusterObject;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.ObjectKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds a service proxy backend from the {@link ClusterState} service while one is bound: each change of a Service, of an
 * EndpointSlice (counted for its Service) or of this node's Node object marks what must be rebuilt and asks for
 * a sync. Pods are not tracked: they matter only for drain periods, which are read from the snapshot.
 *
 * <p>Why a set of dirty keys and not the reconcile bundle's {@code ChangeTracker}: the tracker drops the removal
 * of a key it never saw, and objects listed before the subscription were never seen, so their deletion would be
 * lost. Updates that change nothing are already dropped by the cluster state, and rebuilding an unchanged
 * Service changes nothing in the kernel (each backend's desired state compares what it programs).
 *
 * <p>Threading: {@link #changed} runs on the cluster state's event thread and never blocks; bind and unbind
 * come from DS; {@link #drain} from the sync thread.
 */
public final class ServiceFeed implements ClusterListener {

    /** What a drain found: the Services to rebuild and whether this node's Node object changed. */
    public record Dirty(Set<ObjectKey> services, boolean node) {
    }

    private final Set<ObjectKey> services = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean node = new AtomicBoolean();
    private final Runnable syncRequest;
    private volatile ClusterState state;
    private volatile String localNode = "";
    private ClusterState.Subscription subscription;

    /** @param syncRequest asks for a sync; must not block */
    public ServiceFeed(Runnable syncRequest) {
        this.syncRequest = syncRequest;
    }

    public synchronized void bind(ClusterState cluster) {
        close();
        localNode = cluster.localNodeName();
        state = cluster;
        subscription = cluster.subscribe(this);
        syncRequest.run();
    }

    public synchronized void unbind(ClusterState cluster) {
        if (state == cluster) {
            close();
        }
    }

    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        state = null;
    }

    /** The bound cluster state, or {@code null}. */
    public ClusterState current() {
        return state;
    }

    /** What changed since the last drain; each key is reported once. */
    public Dirty drain() {
        Set<ObjectKey> drained = ConcurrentHashMap.newKeySet();
        for (ObjectKey key : services) {
            if (services.remove(key)) {
                drained.add(key);
            }
        }
        return new Dirty(drained, node.getAndSet(false));
    }

    @Override
    public void changed(ClusterChange change) {
        switch (change.kind()) {
            case SERVICE -> services.add(change.key());
            case ENDPOINT_SLICE -> {
                addOwner(change.previous());
                addOwner(change.current());
            }
            case NODE -> {
                if (!change.key().name().equals(localNode)) {
                    return;
                }
                node.set(true);
            }
            default -> {
                return;
            }
        }
        syncRequest.run();
    }

    private void addOwner(ClusterObject slice) {
        if (slice instanceof EndpointSlice s && s.serviceKey() != null) {
            services.add(s.serviceKey());
        }
    }
}
