package io.kuberouter.itests;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.DestinationStatistics;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.ServerStatistics;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.Traffic;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.List;
import java.util.Map;

/**
 * A {@link ServiceProxyView} with fixed content, registered by {@link ConsoleBrowserIT} in place of a proxy
 * backend for {@code kr:services}: IPVS is missing from this host's kernel (only the UML guest has it), so no real backend can program
 * anything here. It holds what the IPVS backend programs for the Service {@code lab/web} (ClusterIP
 * 10.96.0.10:80 and NodePort 30080 to the pods a1 and b1) and IPVS-like counters.
 */
final class SampleProxyView implements ServiceProxyView {

    static final ObjectKey WEB = new ObjectKey("lab", "web");

    private static final List<Backend> PODS = List.of(
            new Backend("10.244.1.10", 8080, "n1", new ObjectKey("lab", "a1"), true, true, false),
            new Backend("10.244.1.11", 8080, "n1", new ObjectKey("lab", "b1"), true, true, false));
    private static final VirtualServer CLUSTER_IP = new VirtualServer(WEB, "http",
            new Frontend(FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80), Scheduling.ROUND_ROBIN,
            Delivery.NAT, PODS);
    private static final VirtualServer NODE_PORT = new VirtualServer(WEB, "http",
            new Frontend(FrontendKind.NODE_PORT, "10.0.0.1", Protocol.TCP, 30080), Scheduling.ROUND_ROBIN,
            Delivery.NAT, PODS);

    @Override
    public String backend() {
        return "sample";
    }

    @Override
    public long revision() {
        return 1;
    }

    @Override
    public Map<ObjectKey, ProxiedService> services() {
        return Map.of(WEB, new ProxiedService(WEB, List.of(CLUSTER_IP, NODE_PORT), List.of()));
    }

    @Override
    public Map<String, ServerStatistics> statistics() {
        String key = ServerStatistics.keyOf(CLUSTER_IP);
        return Map.of(key, new ServerStatistics(key, new Traffic(9, 54, 45, 3_900, 6_100), List.of(
                new DestinationStatistics("10.244.1.10", 8080, 1, 1, 4, new Traffic(5, 30, 25, 2_100, 3_400)),
                new DestinationStatistics("10.244.1.11", 8080, 1, 0, 4, new Traffic(4, 24, 20, 1_800, 2_700)))));
    }
}
