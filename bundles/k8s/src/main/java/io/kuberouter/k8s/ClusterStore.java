package io.kuberouter.k8s;

import io.kuberouter.api.cluster.ClusterChange;
import io.kuberouter.api.cluster.ClusterListener;
import io.kuberouter.api.cluster.ClusterObject;
import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster state: one map of views per kind. Writers (informer threads) and
 * {@link #snapshot()} are serialised; a snapshot is copied at most once per revision. A write that
 * leaves a view equal to the stored one changes nothing and notifies nobody.
 */
final class ClusterStore implements ClusterState {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStore.class);

    private final String localNode;
    private final Map<ResourceKind, Map<ObjectKey, ClusterObject>> objects = new EnumMap<>(ResourceKind.class);
    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private long revision;
    private ClusterSnapshot cached;

    ClusterStore(String localNode) {
        this.localNode = localNode;
        for (ResourceKind kind : ResourceKind.values()) {
            objects.put(kind, new HashMap<>());
        }
    }

    /** Adds or replaces a view. */
    synchronized void put(ClusterObject object) {
        Map<ObjectKey, ClusterObject> views = objects.get(object.kind());
        ClusterObject previous = views.get(object.key());
        if (!object.equals(previous)) {
            views.put(object.key(), object);
            changed(new ClusterChange(object.kind(), object.key(), previous, object));
        }
    }

    /** Removes a view; removing an absent one changes nothing. */
    synchronized void remove(ResourceKind kind, ObjectKey key) {
        ClusterObject previous = objects.get(kind).remove(key);
        if (previous != null) {
            changed(new ClusterChange(kind, key, previous, null));
        }
    }

    private void changed(ClusterChange change) {
        revision++;
        cached = null;
        for (ClusterListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                LOG.error("cluster listener {} failed on {} {}", listener, change.kind(), change.key(), e);
            }
        }
    }

    @Override
    public synchronized ClusterSnapshot snapshot() {
        if (cached == null) {
            cached = new ClusterSnapshot(revision, localNode, typed(ResourceKind.SERVICE),
                    typed(ResourceKind.ENDPOINT_SLICE), typed(ResourceKind.POD), typed(ResourceKind.NODE),
                    typed(ResourceKind.NAMESPACE), typed(ResourceKind.NETWORK_POLICY));
        }
        return cached;
    }

    @SuppressWarnings("unchecked")
    private <T extends ClusterObject> Map<ObjectKey, T> typed(ResourceKind kind) {
        return (Map<ObjectKey, T>) (Map<ObjectKey, ?>) objects.get(kind);
    }

    @Override
    public String localNodeName() {
        return localNode;
    }

    @Override
    public Subscription subscribe(ClusterListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static String plural(ResourceKind kind) {
        return switch (kind) {
            case SERVICE -> "services";
            case ENDPOINT_SLICE -> "endpoint slices";
            case POD -> "pods";
            case NODE -> "nodes";
            case NAMESPACE -> "namespaces";
            case NETWORK_POLICY -> "network policies";
        };
    }

    /** One line with the number of objects per kind, for logs. */
    String counts() {
        ClusterSnapshot s = snapshot();
        StringBuilder b = new StringBuilder();
        for (ResourceKind kind : ResourceKind.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.count(kind)).append(' ').append(plural(kind));
        }
        return b.toString();
    }
}
