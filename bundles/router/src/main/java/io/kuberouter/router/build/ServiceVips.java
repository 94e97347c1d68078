package io.kuberouter.router.build;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.LoadBalancerIngress;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import io.kuberouter.bgp.codec.model.IpPrefix;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The service VIPs this node advertises (behaviour reference §5.4): ClusterIPs, externalIPs and LoadBalancer
 * ingress IPs as /32 or /128, each kind when its flag or the service's {@code kube-router.io/service.advertise.*}
 * annotation says so. A VIP whose traffic policy is Local is advertised only by nodes with a local endpoint; a
 * VIP several services share is advertised while any of them wants it. Pure.
 */
public final class ServiceVips {

    public static final String ADVERTISE_CLUSTER_IP = "kube-router.io/service.advertise.clusterip";
    public static final String ADVERTISE_EXTERNAL_IP = "kube-router.io/service.advertise.externalip";
    public static final String ADVERTISE_LOADBALANCER_IP = "kube-router.io/service.advertise.loadbalancerip";
    public static final String SERVICE_LOCAL = "kube-router.io/service.local";
    public static final String SKIP_LB_IPS = "kube-router.io/service.skiplbips";

    private ServiceVips() {
    }

    /**
     * @param localNode this node's name
     * @param localIps this node's IPs, for endpoints that name no node
     * @param problems receives one line per malformed annotation or address
     */
    public static Set<IpPrefix> select(ClusterSnapshot snapshot, String localNode, Collection<String> localIps,
            RouterSettings settings, Consumer<String> problems) {
        Set<IpPrefix> vips = new TreeSet<>(Prefixes.ORDER);
        for (Service service : snapshot.services().values()) {
            if (service.type() == ServiceType.EXTERNAL_NAME) {
                continue;
            }
            boolean hasLocal = hasLocalEndpoint(snapshot.slicesOf(service.key()), localNode, localIps);
            boolean externalLocal = service.externalTrafficPolicy() == TrafficPolicy.LOCAL
                    || "true".equals(service.annotation(SERVICE_LOCAL));
            if (!service.headless() && want(service, ADVERTISE_CLUSTER_IP, settings.advertiseClusterIp(), problems)
                    && (service.internalTrafficPolicy() != TrafficPolicy.LOCAL || hasLocal)) {
                add(vips, service.clusterIPs(), service, problems);
            }
            if (want(service, ADVERTISE_EXTERNAL_IP, settings.advertiseExternalIp(), problems)
                    && (!externalLocal || hasLocal)) {
                add(vips, service.externalIPs(), service, problems);
            }
            if (service.type() == ServiceType.LOAD_BALANCER && !service.annotations().containsKey(SKIP_LB_IPS)
                    && want(service, ADVERTISE_LOADBALANCER_IP, settings.advertiseLoadBalancerIp(), problems)
                    && (!externalLocal || hasLocal)) {
                add(vips, service.loadBalancerIngress().stream().filter(i -> !i.proxyMode())
                        .map(LoadBalancerIngress::ip).toList(), service, problems);
            }
        }
        return vips;
    }

    /** The annotation's Go {@code strconv.ParseBool} value, else the flag. */
    private static boolean want(Service service, String annotation, boolean flag, Consumer<String> problems) {
        String value = service.annotation(annotation);
        if (value == null) {
            return flag;
        }
        return switch (value.trim()) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> {
                problems.accept("service " + service.key() + ": " + annotation + "='" + value
                        + "' is not a boolean; using the flag (" + flag + ")");
                yield flag;
            }
        };
    }

    /** An endpoint on this node: its nodeName is ours, or it names no node and its address is one of ours. */
    private static boolean hasLocalEndpoint(List<EndpointSlice> slices, String localNode, Collection<String> localIps) {
        return slices.stream().flatMap(s -> s.endpoints().stream()).anyMatch(e -> e.nodeName().equals(localNode)
                || (e.nodeName().isEmpty() && e.addresses().stream().anyMatch(localIps::contains)));
    }

    private static void add(Set<IpPrefix> vips, List<String> ips, Service service, Consumer<String> problems) {
        for (String ip : ips) {
            try {
                vips.add(Prefixes.host(NodeAnnotations.ip(ip)));
            } catch (IllegalArgumentException e) {
                problems.accept("service " + service.key() + ": '" + ip + "' is not an IP address");
            }
        }
    }
}
