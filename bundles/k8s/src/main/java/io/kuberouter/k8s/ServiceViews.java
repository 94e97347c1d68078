package io.kuberouter.k8s;

import static io.kuberouter.k8s.Lists.map;
import static io.kuberouter.k8s.Lists.orEmpty;
import static io.kuberouter.k8s.Lists.orZero;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.kuberouter.api.cluster.Endpoint;
import io.kuberouter.api.cluster.EndpointPort;
import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.LoadBalancerIngress;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.cluster.ServicePort;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import java.util.List;

/** Converts Services and EndpointSlices from the fabric8 model into views. */
final class ServiceViews {

    private ServiceViews() {
    }

    static ObjectKey key(ObjectMeta meta) {
        String ns = meta.getNamespace();
        return new ObjectKey(ns == null ? "" : ns, meta.getName());
    }

    static Service service(io.fabric8.kubernetes.api.model.Service s) {
        ObjectMeta meta = s.getMetadata();
        ServiceSpec spec = s.getSpec();
        return new Service(key(meta), meta.getUid(), orEmpty(meta.getLabels()), orEmpty(meta.getAnnotations()),
                ServiceType.parse(spec.getType()), clusterIPs(spec),
                map(spec.getIpFamilies(), f -> "IPv6".equals(f) ? IpFamily.IPV6 : IpFamily.IPV4),
                map(spec.getPorts(), ServiceViews::port), orEmpty(spec.getExternalIPs()), ingress(s),
                affinityTimeout(spec), TrafficPolicy.parse(spec.getExternalTrafficPolicy()),
                TrafficPolicy.parse(spec.getInternalTrafficPolicy()), orZero(spec.getHealthCheckNodePort()),
                spec.getLoadBalancerClass());
    }

    private static List<String> clusterIPs(ServiceSpec spec) {
        List<String> ips = orEmpty(spec.getClusterIPs());
        if (ips.isEmpty() && spec.getClusterIP() != null) {
            ips = List.of(spec.getClusterIP());
        }
        return ips.stream().filter(ip -> !ip.isBlank() && !"None".equals(ip)).toList();
    }

    private static ServicePort port(io.fabric8.kubernetes.api.model.ServicePort p) {
        return new ServicePort(p.getName(), Protocol.parse(p.getProtocol()), orZero(p.getPort()),
                intOrString(p.getTargetPort()), orZero(p.getNodePort()));
    }

    static String intOrString(IntOrString value) {
        if (value == null) {
            return "";
        }
        return value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
    }

    private static List<LoadBalancerIngress> ingress(io.fabric8.kubernetes.api.model.Service s) {
        if (s.getStatus() == null || s.getStatus().getLoadBalancer() == null) {
            return List.of();
        }
        return orEmpty(s.getStatus().getLoadBalancer().getIngress()).stream()
                .filter(i -> i.getIp() != null && !i.getIp().isBlank())
                .map(i -> new LoadBalancerIngress(i.getIp(), i.getIpMode()))
                .toList();
    }

    private static int affinityTimeout(ServiceSpec spec) {
        if (!"ClientIP".equals(spec.getSessionAffinity())) {
            return 0;
        }
        var config = spec.getSessionAffinityConfig();
        if (config == null || config.getClientIP() == null || config.getClientIP().getTimeoutSeconds() == null) {
            return 10_800; // the API's default ClientIP timeout (3 h)
        }
        return config.getClientIP().getTimeoutSeconds();
    }

    static EndpointSlice endpointSlice(io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice s) {
        ObjectMeta meta = s.getMetadata();
        var labels = orEmpty(meta.getLabels());
        return new EndpointSlice(key(meta), labels, labels.get(EndpointSlice.SERVICE_NAME_LABEL),
                addressType(s.getAddressType()),
                map(s.getPorts(), p -> new EndpointPort(p.getName(), Protocol.parse(p.getProtocol()), orZero(p.getPort()))),
                map(s.getEndpoints(), ServiceViews::endpoint));
    }

    private static EndpointSlice.AddressType addressType(String type) {
        return switch (type == null ? "" : type) {
            case "IPv4" -> EndpointSlice.AddressType.IPV4;
            case "IPv6" -> EndpointSlice.AddressType.IPV6;
            default -> EndpointSlice.AddressType.FQDN;
        };
    }

    private static Endpoint endpoint(io.fabric8.kubernetes.api.model.discovery.v1.Endpoint e) {
        EndpointConditions c = e.getConditions();
        var ref = e.getTargetRef();
        ObjectKey pod = ref != null && "Pod".equals(ref.getKind()) && ref.getName() != null
                ? new ObjectKey(ref.getNamespace() == null ? "" : ref.getNamespace(), ref.getName())
                : null;
        return Endpoint.of(orEmpty(e.getAddresses()), c == null ? null : c.getReady(),
                c == null ? null : c.getServing(), c == null ? null : c.getTerminating(), e.getNodeName(), pod);
    }
}
