package io.kuberouter.proxy.ipvs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.api.proxy.DestinationStatistics;
import io.kuberouter.api.proxy.ServerStatistics;
import io.kuberouter.api.proxy.Traffic;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.IpvsStats;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.testing.FakeKernel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The view's statistics: the kernel's counters per virtual server and destination, keyed as the API says. */
class ProxyViewStatisticsTest {

    @Test
    void countersWeightsAndConnectionsPerVirtualServerAndDestination() throws Exception {
        FakeKernel fake = new FakeKernel();
        ServiceKey web = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.TCP, 80);
        Destination pod = new Destination(IpPrefix.address("10.244.1.10"), 8080, ForwardingMethod.MASQ, 1, 0, 0);
        fake.ipvs().addService(VirtualService.of(web, "rr"));
        fake.ipvs().addDestination(web, pod);
        fake.ipvs().setStats(web, new IpvsStats(7, 70, 60, 7000, 6000, 1, 2, 3, 4, 5));
        fake.ipvs().setConnections(web, pod, 2, 3);
        fake.ipvs().addService(VirtualService.of(new ServiceKey.ByFwmark(AddressFamily.INET, 3000), "mh"));

        Map<String, ServerStatistics> stats = new ProxyView(fake::ipvs).statistics();

        assertEquals(List.of("10.96.0.10-tcp-80", "fwmark-3000-ipv4"), List.copyOf(stats.keySet()));
        ServerStatistics server = stats.get("10.96.0.10-tcp-80");
        assertEquals(new Traffic(7, 70, 60, 7000, 6000), server.traffic());
        assertEquals(List.of(new DestinationStatistics("10.244.1.10", 8080, 1, 2, 3, Traffic.ZERO)),
                server.destinations());
    }

    @Test
    void emptyWithoutAnIpvsService() {
        assertEquals(Map.of(), new ProxyView(() -> null).statistics());
    }
}
