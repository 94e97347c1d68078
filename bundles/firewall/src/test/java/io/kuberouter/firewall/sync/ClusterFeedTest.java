package io.kuberouter.firewall.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ClusterChange;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.cluster.ResourceKind;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClusterFeedTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final ClusterFeed feed = new ClusterFeed(requests::incrementAndGet);

    private static Pod pod(Map<String, String> labels, String phase) {
        return new Pod(new ObjectKey("x", "a"), "uid", labels, "n1", false, phase, List.of("10.244.1.5"),
                List.of("10.0.0.1"), List.of(), 30, false);
    }

    @Test
    void deletingAnObjectListedBeforeTheSubscriptionRequestsASync() {
        Pod existing = pod(Map.of("app", "a"), "Running");
        feed.changed(new ClusterChange(ResourceKind.POD, existing.key(), existing, null));
        assertEquals(1, requests.get());
        assertTrue(feed.drain());
        assertFalse(feed.drain());
    }

    @Test
    void changesTheFirewallDoesNotReadAreDropped() {
        Pod before = pod(Map.of("app", "a"), "Running");
        Pod samePolicyView = new Pod(before.key(), "uid", before.labels(), "n1", false, "Running", before.podIPs(),
                before.hostIPs(), List.of(), 99, true);
        feed.changed(new ClusterChange(ResourceKind.POD, before.key(), before, samePolicyView));
        Service service = new Service(new ObjectKey("x", "s"), "u", Map.of(), Map.of(), ServiceType.CLUSTER_IP,
                List.of("10.96.0.1"), List.of(), List.of(), List.of(), List.of(), 0, TrafficPolicy.CLUSTER,
                TrafficPolicy.CLUSTER, 0, "");
        feed.changed(new ClusterChange(ResourceKind.SERVICE, service.key(), null, service));
        assertEquals(0, requests.get());
        assertFalse(feed.drain());
    }

    @Test
    void aLabelChangeRequestsASync() {
        Pod before = pod(Map.of("app", "a"), "Running");
        feed.changed(new ClusterChange(ResourceKind.POD, before.key(), before, pod(Map.of("app", "b"), "Running")));
        assertEquals(1, requests.get());
        assertTrue(feed.drain());
    }
}
