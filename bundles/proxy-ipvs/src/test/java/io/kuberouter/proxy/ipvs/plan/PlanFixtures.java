package io.kuberouter.proxy.ipvs.plan;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.Scheduling;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.Arrays;
import java.util.List;

/** Small models for the plan tests. */
final class PlanFixtures {

    private PlanFixtures() {
    }

    static VirtualServer server(ObjectKey service, FrontendKind kind, String vip, Protocol protocol, int port,
            String... backends) {
        return new VirtualServer(service, "", new Frontend(kind, vip, protocol, port), Scheduling.ROUND_ROBIN,
                Delivery.NAT, Arrays.stream(backends).map(PlanFixtures::backend).toList());
    }

    static ProxiedService model(ObjectKey service, VirtualServer... servers) {
        return new ProxiedService(service, List.of(servers), List.of());
    }

    private static Backend backend(String target) {
        int colon = target.lastIndexOf(':');
        return new Backend(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)), "n1", null,
                true, true, false);
    }
}
