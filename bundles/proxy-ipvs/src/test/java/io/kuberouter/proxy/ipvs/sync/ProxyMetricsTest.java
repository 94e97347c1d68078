package io.kuberouter.proxy.ipvs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.IpvsStats;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.testing.FakeKernel;
import io.kuberouter.proxy.ipvs.plan.DesiredIpvs;
import io.kuberouter.proxy.ipvs.plan.IpvsTranslation;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyMetricsTest {

    @Test
    void perServiceIpvsStatisticsUnderUpstreamNamesAndLabels() throws Exception {
        FakeKernel fake = new FakeKernel();
        ServiceKey key = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.TCP, 80);
        fake.ipvs().addService(VirtualService.of(key, "rr"));
        fake.ipvs().addService(VirtualService.of(new ServiceKey.ByAddress(IpPrefix.address("172.30.0.1"),
                IpProtocol.TCP, 80), "rr"));
        fake.ipvs().setStats(key, new IpvsStats(7, 70, 60, 7000, 6000, 1, 2, 3, 4, 5));
        ProxyMetrics metrics = new ProxyMetrics(fake::ipvs);
        programWeb(metrics);
        MetricSnapshots scraped = metrics.collect();
        Labels labels = Labels.of("svc_namespace", "shop", "service_name", "web", "service_vip", "10.96.0.10",
                "protocol", "tcp", "port", "80");
        assertEquals(7.0, value(scraped, "kube_router_service_total_connections", labels));
        assertEquals(70.0, value(scraped, "kube_router_service_packets_in", labels));
        assertEquals(6000.0, value(scraped, "kube_router_service_bytes_out", labels));
        assertEquals(1.0, value(scraped, "kube_router_service_cps", labels));
        assertEquals(5.0, value(scraped, "kube_router_service_bps_out", labels));
        assertTrue(find(scraped, "kube_router_service_packets_in") instanceof UnknownSnapshot);
        assertTrue(find(scraped, "kube_router_service_pps_in") instanceof GaugeSnapshot);
        assertEquals(1, find(scraped, "kube_router_service_bytes_in").getDataPoints().size(),
                "only services the proxy programmed");
        assertEquals(2.0, ((GaugeSnapshot) find(scraped, "kube_router_controller_ipvs_services")).getDataPoints()
                .get(0).getValue());
        assertEquals(1, metrics.exportTime().collect().getDataPoints().get(0).getCount());
    }

    /** The proxy programmed shop/web's ClusterIP 10.96.0.10:80/TCP. */
    private static void programWeb(ProxyMetrics metrics) {
        DesiredIpvs desired = new DesiredIpvs();
        ObjectKey web = new ObjectKey("shop", "web");
        ProxiedService model = new ProxiedService(web, List.of(new VirtualServer(web, "http",
                new Frontend(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80), Scheduling.ROUND_ROBIN,
                Delivery.NAT, List.of())), List.of());
        Set<ServiceKey> changed = new HashSet<>();
        desired.put(model, IpvsTranslation.entries(model), changed);
        metrics.publish(changed, desired);
    }

    @Test
    void nothingIsScrapedWithoutAnIpvsService() {
        assertEquals(0, new ProxyMetrics(() -> null).collect().size());
    }

    private static MetricSnapshot find(MetricSnapshots all, String name) {
        return all.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static double value(MetricSnapshots all, String name, Labels labels) {
        DataPointSnapshot point = find(all, name).getDataPoints().stream().filter(p -> p.getLabels().equals(labels))
                .findFirst().orElseThrow();
        return point instanceof UnknownSnapshot.UnknownDataPointSnapshot u ? u.getValue()
                : ((GaugeSnapshot.GaugeDataPointSnapshot) point).getValue();
    }
}
