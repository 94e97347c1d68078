package io.kuberouter.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.DestinationStatistics;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.Problem;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.SchedulerFlag;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.ServerStatistics;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.Traffic;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Services page and {@code kr:services}: virtual servers joined with the kernel's counters. */
class ServicesRenderingTest {

    private static final ObjectKey WEB = new ObjectKey("shop", "web");
    private static final VirtualServer CLUSTER_IP = new VirtualServer(WEB, "http",
            new Frontend(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80),
            new Scheduling("mh", Set.of(SchedulerFlag.FLAG_2, SchedulerFlag.FLAG_1), 10800), Delivery.NAT,
            List.of(new Backend("10.244.1.10", 8080, "n1", new ObjectKey("shop", "a1"), true, true, false),
                    new Backend("10.244.2.10", 8080, "n2", null, false, false, true)));
    private static final VirtualServer EXTERNAL = new VirtualServer(WEB, "http",
            new Frontend(FrontendKind.EXTERNAL_IP, "fd00::1", Protocol.TCP, 80), Scheduling.ROUND_ROBIN,
            new Delivery(Delivery.Forwarding.TUNNEL, 3000, false, "dsr"), List.of());

    private static final ServiceProxyView VIEW = new ServiceProxyView() {
        @Override
        public String backend() {
            return "ipvs";
        }

        @Override
        public long revision() {
            return 42;
        }

        @Override
        public Map<ObjectKey, ProxiedService> services() {
            return Map.of(WEB, new ProxiedService(WEB, List.of(CLUSTER_IP, EXTERNAL),
                    List.of(new Problem(WEB, "unknown-scheduler", "<b>bad</b> scheduler"))));
        }

        @Override
        public Map<String, ServerStatistics> statistics() {
            return Map.of("10.96.0.10-tcp-80", new ServerStatistics("10.96.0.10-tcp-80",
                    new Traffic(12, 80, 70, 5000, 4096), List.of(
                            new DestinationStatistics("10.244.1.10", 8080, 1, 2, 3, new Traffic(7, 0, 0, 0, 0)),
                            new DestinationStatistics("10.244.3.3", 8080, 0, 0, 1, Traffic.ZERO))));
        }
    };

    @Test
    void eachVirtualServerWithItsSchedulerEndpointsWeightsAndCounters() {
        ServiceRows rows = ServiceRows.of(VIEW);
        assertEquals(2, rows.rows().size());
        ServiceRows.Row first = rows.rows().get(0);
        assertEquals("10.96.0.10:80/TCP (CLUSTER_IP)", first.frontend());
        assertEquals("mh flag-1,flag-2, affinity 10800 s", first.scheduling());
        assertEquals(List.of("10.244.1.10:8080 weight 1, 2 active / 3 inactive, 7 conns, node n1 (local)",
                "10.244.2.10:8080, node n2, not ready, terminating",
                "10.244.3.3:8080 weight 0, 0 active / 1 inactive, 0 conns, draining"), first.endpoints());
        assertEquals("12 conns, 80 pkts in / 70 out, 4.9 KiB in / 4.0 KiB out", first.traffic());
        ServiceRows.Row second = rows.rows().get(1);
        assertEquals("[fd00::1]:80/TCP (EXTERNAL_IP)", second.frontend());
        assertEquals("TUNNEL fwmark 3000 by dsr", second.delivery());
        assertEquals("-", second.traffic());
    }

    @Test
    void thePageHasOneRowPerVirtualServerAndEscapes() {
        String html = ServicesHtml.render(ServiceRows.of(VIEW));
        assertEquals(2, html.split("<tr data-service='shop/web'>", -1).length - 1, html);
        assertTrue(html.contains("Proxy backend <b>ipvs</b>, cluster revision 42, 2 virtual servers"), html);
        assertTrue(html.contains("none (connections are refused)"), html);
        assertFalse(html.contains("<b>bad</b>"), html);
        assertTrue(html.contains("&lt;b&gt;bad&lt;/b&gt; scheduler"), html);
    }

    @Test
    void withoutAProxyThePageAndTheCommandSaySo() {
        assertTrue(ServicesHtml.render(null).contains("no service proxy running"));
        assertEquals("no service proxy running\n", ServicesText.render(null));
    }

    @Test
    void theCommandHasTheSameRows() {
        String text = ServicesText.render(ServiceRows.of(VIEW));
        assertTrue(text.startsWith("proxy ipvs, revision 42, 2 virtual servers\n"
                + "shop/web port http: 10.96.0.10:80/TCP (CLUSTER_IP), mh flag-1,flag-2, affinity 10800 s, NAT\n"
                + "  traffic 12 conns, 80 pkts in / 70 out, 4.9 KiB in / 4.0 KiB out\n"
                + "  endpoint 10.244.1.10:8080 weight 1, 2 active / 3 inactive, 7 conns, node n1 (local)\n"), text);
        assertTrue(text.contains("  no endpoints\n"), text);
        assertTrue(text.endsWith("skipped: service shop/web: <b>bad</b> scheduler (unknown-scheduler)\n"), text);
    }
}
