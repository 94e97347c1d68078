package io.kuberouter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorWhiteboardTest {

    private final CollectorWhiteboard whiteboard = new CollectorWhiteboard();

    @Test
    void aCollectorIsScrapedWhileItsServiceIsThere() {
        Gauge chains = Gauge.builder().name("kube_router_controller_policy_chains").help("active policy chains").build();
        chains.set(3);
        whiteboard.add(chains);
        assertEquals(List.of("kube_router_controller_policy_chains"), names());
        whiteboard.remove(chains);
        assertEquals(List.of(), names());
    }

    @Test
    void aMultiCollectorIsScrapedWhileItsServiceIsThere() {
        MultiCollector peers = () -> MetricSnapshots.of(GaugeSnapshot.builder().name("kube_router_bgp_peer_info")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).build()).build());
        whiteboard.add(peers);
        assertEquals(List.of("kube_router_bgp_peer_info"), names());
        whiteboard.remove(peers);
        assertEquals(List.of(), names());
    }

    @Test
    void aConflictingCollectorIsRefusedAndItsRemovalLeavesTheHolderAlone() {
        Gauge holder = Gauge.builder().name("kube_router_host_routes_synced").help("h").build();
        Counter conflicting = Counter.builder().name("kube_router_host_routes_synced").help("h").build();
        whiteboard.add(holder);
        whiteboard.add(conflicting);
        whiteboard.remove(conflicting);
        assertEquals(List.of("kube_router_host_routes_synced"), names());
        assertTrue(whiteboard.registry().scrape().stream().allMatch(s -> s instanceof GaugeSnapshot));
    }

    @Test
    void buildInfoIsAGaugeOfOneWithTheVersions() {
        BuildInfo.register(whiteboard.registry(), "1.2.3");
        MetricSnapshot info = whiteboard.registry().scrape().stream().findFirst().orElseThrow();
        assertEquals(BuildInfo.NAME, info.getMetadata().getPrometheusName());
        GaugeSnapshot.GaugeDataPointSnapshot point = ((GaugeSnapshot) info).getDataPoints().get(0);
        assertEquals(1.0, point.getValue());
        assertEquals("1.2.3", point.getLabels().get("version"));
        assertFalse(point.getLabels().get("goversion").isBlank());
    }

    private List<String> names() {
        return whiteboard.registry().scrape().stream().map(s -> s.getMetadata().getPrometheusName()).toList();
    }
}
