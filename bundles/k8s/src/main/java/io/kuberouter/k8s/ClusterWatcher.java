package io.kuberouter.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kuberouter.api.cluster.ClusterObject;
import io.kuberouter.api.cluster.ResourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One informer (resync 0) per watched kind, feeding a {@link ClusterStore}: Services,
 * EndpointSlices (discovery/v1), Pods, Nodes, Namespaces and NetworkPolicies, as kube-router
 * watches them. Starting does not block; {@link #awaitSynced} waits until every initial list is in
 * the store, not only in the informers' caches: fabric8 completes an informer's start once its cache
 * holds the list, while the handlers that fill the store still receive it on their own executor. A
 * store read before then lacks objects, and a firewall built from it refuses traffic it must allow.
 */
final class ClusterWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatcher.class);

    private final ClusterStore store;
    private final List<Watch> watches = new ArrayList<>();
    /** Per watch, done once its initial list is in the store. */
    private final List<CompletableFuture<Void>> inStore = new ArrayList<>();

    /** One watched kind: its informer and the handler feeding the store from it. */
    private record Watch(SharedIndexInformer<?> informer, Handler<?> handler) {
    }

    ClusterWatcher(KubernetesClient client, ClusterStore store) {
        this.store = store;
        watch(ResourceKind.SERVICE, client.services().inAnyNamespace().runnableInformer(0), ServiceViews::service);
        watch(ResourceKind.ENDPOINT_SLICE, client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0),
                ServiceViews::endpointSlice);
        watch(ResourceKind.POD, client.pods().inAnyNamespace().runnableInformer(0), WorkloadViews::pod);
        watch(ResourceKind.NODE, client.nodes().runnableInformer(0), WorkloadViews::node);
        watch(ResourceKind.NAMESPACE, client.namespaces().runnableInformer(0), WorkloadViews::namespace);
        watch(ResourceKind.NETWORK_POLICY, client.network().v1().networkPolicies().inAnyNamespace().runnableInformer(0),
                PolicyViews::networkPolicy);
    }

    private <T extends HasMetadata> void watch(ResourceKind kind, SharedIndexInformer<T> informer,
            Function<T, ? extends ClusterObject> view) {
        Handler<T> handler = new Handler<>(kind, view);
        informer.addEventHandler(handler);
        watches.add(new Watch(informer, handler));
    }

    /** Starts every informer without waiting for its initial list. */
    void start() {
        for (Watch watch : watches) {
            inStore.add(watch.informer().start().toCompletableFuture().thenCompose(cached -> watch.handler().listed));
        }
    }

    /**
     * Waits until every informer has received its initial list and handed all of it to the store.
     *
     * @throws TimeoutException naming the kinds that did not sync in time
     */
    void awaitSynced(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            CompletableFuture.allOf(inStore.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("informer failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            List<String> pending = watches.stream().map(Watch::handler).filter(h -> !h.listed.isDone())
                    .map(h -> h.kind.name()).toList();
            throw new TimeoutException("caches of " + pending + " not synced within " + timeout.toMillis() + " ms");
        }
    }

    @Override
    public void close() {
        watches.forEach(watch -> watch.informer().stop());
    }

    /** Converts API objects into views; an object that cannot be converted is logged and skipped. */
    private final class Handler<T extends HasMetadata> implements ResourceEventHandler<T> {
        private final ResourceKind kind;
        private final Function<T, ? extends ClusterObject> view;
        /** Done once the handler received a whole list: fabric8 calls onList after the list's adds. */
        private final CompletableFuture<Void> listed = new CompletableFuture<>();

        Handler(ResourceKind kind, Function<T, ? extends ClusterObject> view) {
            this.kind = kind;
            this.view = view;
        }

        @Override
        public void onAdd(T object) {
            put(object);
        }

        @Override
        public void onUpdate(T previous, T current) {
            put(current);
        }

        @Override
        public void onList(String resourceVersion, boolean empty) {
            listed.complete(null);
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            store.remove(kind, ServiceViews.key(object.getMetadata()));
        }

        private void put(T object) {
            try {
                store.put(view.apply(object));
            } catch (RuntimeException e) {
                LOG.warn("ignoring {} {}: {}", object.getKind(), ServiceViews.key(object.getMetadata()), e.toString());
            }
        }
    }
}
