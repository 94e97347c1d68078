package io.kuberouter.api.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Service, reduced to what the service proxy, the router and the firewall use.
 *
 * @param clusterIPs {@code spec.clusterIPs} (falling back to {@code spec.clusterIP}); empty for
 *     headless services and ExternalName services
 * @param sessionAffinityTimeoutSeconds ClientIP affinity timeout, or 0 when affinity is None
 * @param healthCheckNodePort {@code spec.healthCheckNodePort}, 0 when unset
 * @param loadBalancerClass {@code spec.loadBalancerClass}, empty when unset
 */
public record Service(
        ObjectKey key,
        String uid,
        Map<String, String> labels,
        Map<String, String> annotations,
        ServiceType type,
        List<String> clusterIPs,
        List<IpFamily> ipFamilies,
        List<ServicePort> ports,
        List<String> externalIPs,
        List<LoadBalancerIngress> loadBalancerIngress,
        int sessionAffinityTimeoutSeconds,
        TrafficPolicy externalTrafficPolicy,
        TrafficPolicy internalTrafficPolicy,
        int healthCheckNodePort,
        String loadBalancerClass) implements ClusterObject {

    /** Label that marks a service as handled by another proxy when its value is not {@code kube-router}. */
    public static final String SERVICE_PROXY_NAME_LABEL = "service.kubernetes.io/service-proxy-name";
    /** Label that marks a service as headless for proxies. */
    public static final String HEADLESS_LABEL = "service.kubernetes.io/headless";

    public Service {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        clusterIPs = List.copyOf(clusterIPs);
        ipFamilies = List.copyOf(ipFamilies);
        ports = List.copyOf(ports);
        externalIPs = List.copyOf(externalIPs);
        loadBalancerIngress = List.copyOf(loadBalancerIngress);
        Objects.requireNonNull(externalTrafficPolicy, "externalTrafficPolicy");
        Objects.requireNonNull(internalTrafficPolicy, "internalTrafficPolicy");
        loadBalancerClass = loadBalancerClass == null ? "" : loadBalancerClass;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.SERVICE;
    }

    /** True when the service has no cluster IP or carries the headless label. */
    public boolean headless() {
        return clusterIPs.isEmpty() || labels.containsKey(HEADLESS_LABEL);
    }

    /** The value of an annotation, or {@code null}. */
    public String annotation(String name) {
        return annotations.get(name);
    }
}
