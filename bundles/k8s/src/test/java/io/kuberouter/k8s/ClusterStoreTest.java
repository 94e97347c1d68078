package io.kuberouter.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kuberouter.api.cluster.ClusterChange;
import io.kuberouter.api.cluster.Namespace;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStoreTest {

    private final ClusterStore store = new ClusterStore("n1");
    private final List<ClusterChange> changes = new ArrayList<>();

    @Test
    void notifiesAddUpdateDeleteAndDropsNoOpUpdates() {
        store.subscribe(changes::add);
        Namespace v1 = new Namespace(ObjectKey.cluster("x"), Map.of("a", "1"));
        Namespace v2 = new Namespace(ObjectKey.cluster("x"), Map.of("a", "2"));
        store.put(v1);
        store.put(new Namespace(ObjectKey.cluster("x"), Map.of("a", "1")));
        store.put(v2);
        store.remove(ResourceKind.NAMESPACE, ObjectKey.cluster("x"));
        store.remove(ResourceKind.NAMESPACE, ObjectKey.cluster("x"));
        assertEquals(3, changes.size());
        assertNull(changes.get(0).previous());
        assertSame(v1, changes.get(1).previous());
        assertSame(v2, changes.get(1).current());
        assertNull(changes.get(2).current());
    }

    @Test
    void snapshotIsCachedPerRevisionAndImmutable() {
        store.put(new Namespace(ObjectKey.cluster("x"), Map.of()));
        var first = store.snapshot();
        assertSame(first, store.snapshot());
        store.put(new Namespace(ObjectKey.cluster("y"), Map.of()));
        var second = store.snapshot();
        assertEquals(1, first.namespaces().size());
        assertEquals(2, second.namespaces().size());
        assertEquals(first.revision() + 1, second.revision());
        assertEquals("n1", second.localNode());
    }

    @Test
    void unsubscribedListenersHearNothing() {
        var subscription = store.subscribe(changes::add);
        subscription.close();
        subscription.close();
        store.put(new Namespace(ObjectKey.cluster("x"), Map.of()));
        assertEquals(List.of(), changes);
    }

    @Test
    void aFailingListenerDoesNotStopOthers() {
        store.subscribe(c -> {
            throw new IllegalStateException("boom");
        });
        store.subscribe(changes::add);
        store.put(new Namespace(ObjectKey.cluster("x"), Map.of()));
        assertEquals(1, changes.size());
    }
}
