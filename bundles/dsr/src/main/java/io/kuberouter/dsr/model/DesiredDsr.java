package io.kuberouter.dsr.model;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What DSR wants in the kernel, built purely from what the proxy last programmed (the virtual servers DSR
 * claimed) and the cluster state (the endpoint pods).
 *
 * @param frontends every claimed frontend, sorted by mark
 * @param tunnels the tunnel end of each local endpoint pod, by pod IP
 * @param skipped why a local endpoint got no tunnel (one line each, for the log)
 */
public record DesiredDsr(List<DsrFrontend> frontends, Map<String, PodTunnel> tunnels, List<String> skipped) {

    public static final DesiredDsr NONE = new DesiredDsr(List.of(), Map.of(), List.of());

    public DesiredDsr {
        frontends = List.copyOf(frontends);
        tunnels = Map.copyOf(tunnels);
        skipped = List.copyOf(skipped);
    }

    /** The families that have a DSR frontend (and so need tables 78 and 79). */
    public Set<IpFamily> families() {
        EnumSet<IpFamily> families = EnumSet.noneOf(IpFamily.class);
        frontends.forEach(f -> families.add(f.family()));
        return families;
    }

    /**
     * @param view the proxy's model
     * @param snapshot the cluster state, or {@code null} when none is bound (no tunnels then: the pods are
     *     unknown)
     */
    public static DesiredDsr build(ServiceProxyView view, ClusterSnapshot snapshot) {
        Map<String, DsrFrontend> frontends = new TreeMap<>();
        Map<String, Set<String>> vipsByPodIp = new TreeMap<>();
        for (ProxiedService service : view.services().values()) {
            for (VirtualServer server : service.servers()) {
                if (!DsrClaims.NAME.equals(server.delivery().claimedBy()) || server.delivery().fwmark() == 0) {
                    continue;
                }
                DsrFrontend frontend = new DsrFrontend(server.frontend().address(), server.frontend().protocol(),
                        server.frontend().port(), (int) server.delivery().fwmark());
                frontends.put(server.frontend().id(), frontend);
                for (Backend backend : server.backends()) {
                    if (backend.local()) {
                        vipsByPodIp.computeIfAbsent(backend.address(), k -> new LinkedHashSet<>())
                                .add(frontend.vip());
                    }
                }
            }
        }
        Map<String, PodTunnel> tunnels = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        if (snapshot != null) {
            Map<String, Pod> podsByIp = podsByIp(snapshot);
            vipsByPodIp.forEach((ip, vips) -> {
                Pod pod = podsByIp.get(ip);
                if (pod == null) {
                    skipped.add("endpoint " + ip + ": no pod of this node has this IP yet");
                } else if (pod.hostNetwork()) {
                    skipped.add("endpoint " + ip + " (pod " + pod.key() + "): hostNetwork pods cannot be DSR "
                            + "endpoints, as upstream");
                } else {
                    tunnels.put(ip, new PodTunnel(pod.key(), ip, vips));
                }
            });
        }
        List<DsrFrontend> sorted = new ArrayList<>(frontends.values());
        sorted.sort(Comparator.comparingInt(DsrFrontend::fwmark));
        return new DesiredDsr(sorted, tunnels, skipped);
    }

    private static Map<String, Pod> podsByIp(ClusterSnapshot snapshot) {
        Map<String, Pod> byIp = new HashMap<>();
        for (Pod pod : snapshot.pods().values()) {
            if (snapshot.localNode().equals(pod.nodeName())) {
                pod.podIPs().forEach(ip -> byIp.put(ip, pod));
            }
        }
        return byIp;
    }
}
