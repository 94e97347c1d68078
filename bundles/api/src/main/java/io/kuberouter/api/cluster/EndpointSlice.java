package io.kuberouter.api.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code discovery.k8s.io/v1} EndpointSlice.
 *
 * @param serviceName the owning service's name (label {@code kubernetes.io/service-name}), empty
 *     when the slice names none
 */
public record EndpointSlice(
        ObjectKey key,
        Map<String, String> labels,
        String serviceName,
        AddressType addressType,
        List<EndpointPort> ports,
        List<Endpoint> endpoints) implements ClusterObject {

    /** Label naming the service a slice belongs to. */
    public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    /** {@code addressType} of a slice. */
    public enum AddressType { IPV4, IPV6, FQDN }

    public EndpointSlice {
        Objects.requireNonNull(key, "key");
        labels = Map.copyOf(labels);
        serviceName = serviceName == null ? "" : serviceName;
        Objects.requireNonNull(addressType, "addressType");
        ports = List.copyOf(ports);
        endpoints = List.copyOf(endpoints);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.ENDPOINT_SLICE;
    }

    /** Key of the service this slice belongs to, or {@code null} when it names none. */
    public ObjectKey serviceKey() {
        return serviceName.isEmpty() ? null : new ObjectKey(key.namespace(), serviceName);
    }
}
