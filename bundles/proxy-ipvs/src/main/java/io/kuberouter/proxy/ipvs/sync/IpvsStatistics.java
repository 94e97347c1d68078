package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.DestinationStatistics;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.ServerStatistics;
import io.kuberouter.api.proxy.Traffic;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.ipvs.IpvsStats;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's IPVS counters in the proxy API's terms ({@link ServerStatistics}): one dump of the services, one
 * of each service's destinations. Every virtual service of the namespace is listed, the proxy's or not; readers
 * look up the ones they know by {@link ServerStatistics#keyOf}.
 */
final class IpvsStatistics {

    private IpvsStatistics() {
    }

    static Map<String, ServerStatistics> read(Ipvs ipvs) throws KernelException {
        Map<String, ServerStatistics> all = new LinkedHashMap<>();
        for (ServiceStatus service : ipvs.services()) {
            List<DestinationStatistics> destinations = new ArrayList<>();
            for (DestinationStatus d : ipvs.destinations(service.service().key())) {
                destinations.add(new DestinationStatistics(IpPrefix.text(d.destination().address()),
                        d.destination().port(), d.destination().weight(), d.activeConnections(),
                        d.inactiveConnections(), traffic(d.stats())));
            }
            String key = key(service.service().key());
            all.put(key, new ServerStatistics(key, traffic(service.stats()), destinations));
        }
        return all;
    }

    static String key(ServiceKey key) {
        if (key instanceof ServiceKey.ByAddress a) {
            return new Frontend(FrontendKind.CLUSTER_IP, IpPrefix.text(a.address()), Protocol.valueOf(a.protocol().name()),
                    a.port()).id();
        }
        ServiceKey.ByFwmark m = (ServiceKey.ByFwmark) key;
        return ServerStatistics.fwmarkKey(Integer.toUnsignedLong(m.fwmark()),
                m.family() == AddressFamily.INET ? IpFamily.IPV4 : IpFamily.IPV6);
    }

    private static Traffic traffic(IpvsStats s) {
        return new Traffic(s.connections(), s.inPackets(), s.outPackets(), s.inBytes(), s.outBytes());
    }
}
