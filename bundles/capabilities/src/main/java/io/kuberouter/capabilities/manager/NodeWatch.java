package io.kuberouter.capabilities.manager;

import io.kuberouter.api.cluster.ClusterChange;
import io.kuberouter.api.cluster.ClusterListener;
import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Follows one annotation of the local Node in the cluster state and hands every new value (or
 * {@code null} when the annotation is absent) to a consumer on its own single thread, in order:
 * cluster listeners must not block, and installing bundles does. The first value is handed over
 * when a cluster state is bound, even if it equals the last one seen. A deleted Node changes nothing.
 */
final class NodeWatch implements ClusterListener, AutoCloseable {

    private static final Object UNSEEN = new Object();

    private final String annotation;
    private final Consumer<String> consumer;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "kr-capabilities-node"));
    private final AtomicReference<Object> last = new AtomicReference<>(UNSEEN);
    private volatile ObjectKey localNode;
    private volatile boolean closed;
    private ClusterState bound;
    private ClusterState.Subscription subscription;

    NodeWatch(String annotation, Consumer<String> consumer) {
        this.annotation = Objects.requireNonNull(annotation, "annotation");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Starts following the local Node of {@code cluster}; hands over the annotation's current value. */
    synchronized void bind(ClusterState cluster) {
        closeSubscription();
        bound = cluster;
        localNode = ObjectKey.cluster(cluster.localNodeName());
        subscription = cluster.subscribe(this);
        Node node = cluster.snapshot().localNodeObject();
        last.set(UNSEEN);
        offer(node == null ? null : node.annotations().get(annotation));
    }

    /** Stops following {@code cluster} if it is the bound one. */
    synchronized void unbind(ClusterState cluster) {
        if (bound == cluster) {
            closeSubscription();
            bound = null;
        }
    }

    @Override
    public void changed(ClusterChange change) {
        if (change.kind() == ResourceKind.NODE && change.key().equals(localNode)
                && change.current() instanceof Node node) {
            offer(node.annotations().get(annotation));
        }
    }

    private void offer(String value) {
        if (!Objects.equals(last.getAndSet(value), value)) {
            worker.execute(() -> {
                if (!closed) {
                    consumer.accept(value);
                }
            });
        }
    }

    /** Stops following, drops the values not yet handed over and waits up to 10 s for the one being applied. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            closeSubscription();
            bound = null;
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSubscription() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
