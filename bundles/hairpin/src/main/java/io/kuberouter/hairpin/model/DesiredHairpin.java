package io.kuberouter.hairpin.model;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hairpin rules and the endpoints they serve, built purely from what the proxy last programmed and the
 * Services' annotations (behaviour inventory §2.1, §3.6): for every Service annotated
 * {@code kube-router.io/service.hairpin} (any value), or every Service with {@code --hairpin-mode}, one rule per
 * local endpoint and VIP: each ClusterIP, each node IP with a NodePort, and each external IP when the Service is
 * also annotated {@code kube-router.io/service.hairpin.externalips}. Frontends another extension delivers (DSR
 * tunnels) are not NATed and get none.
 *
 * @param rules the rules, sorted
 * @param endpoints the local endpoints the rules serve: pod IP to pod (null when the EndpointSlice names none)
 */
public record DesiredHairpin(Set<HairpinRule> rules, Map<String, ObjectKey> endpoints) {

    public static final String ANNOTATION = "kube-router.io/service.hairpin";
    public static final String EXTERNAL_IPS_ANNOTATION = "kube-router.io/service.hairpin.externalips";

    public DesiredHairpin {
        rules = Set.copyOf(rules);
        endpoints = java.util.Collections.unmodifiableMap(new TreeMap<>(endpoints));
    }

    /**
     * @param snapshot the cluster state (for the annotations); {@code null}: only {@code --hairpin-mode} counts,
     *     without external IPs
     * @param hairpinMode {@code --hairpin-mode}
     */
    public static DesiredHairpin build(ServiceProxyView view, ClusterSnapshot snapshot, boolean hairpinMode) {
        Set<HairpinRule> rules = new TreeSet<>();
        Map<String, ObjectKey> endpoints = new TreeMap<>();
        for (ProxiedService proxied : view.services().values()) {
            Service service = snapshot == null ? null : snapshot.services().get(proxied.key());
            boolean annotated = service != null && service.annotations().containsKey(ANNOTATION);
            if (!annotated && !hairpinMode) {
                continue;
            }
            boolean externalIps = service != null && service.annotations().containsKey(EXTERNAL_IPS_ANNOTATION);
            for (VirtualServer server : proxied.servers()) {
                FrontendKind kind = server.frontend().kind();
                boolean wanted = kind == FrontendKind.CLUSTER_IP || kind == FrontendKind.NODE_PORT
                        || (kind == FrontendKind.EXTERNAL_IP && externalIps);
                if (!wanted || server.delivery().forwarding() != Delivery.Forwarding.NAT) {
                    continue;
                }
                for (Backend backend : server.backends()) {
                    if (backend.local() && server.frontend().family().equals(
                            io.kuberouter.api.cluster.IpFamily.of(backend.address()))) {
                        rules.add(new HairpinRule(backend.address(), server.frontend().address(),
                                server.frontend().port()));
                        endpoints.putIfAbsent(backend.address(), backend.pod());
                    }
                }
            }
        }
        return new DesiredHairpin(rules, endpoints);
    }
}
