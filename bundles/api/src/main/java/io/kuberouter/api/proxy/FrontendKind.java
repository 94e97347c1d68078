package io.kuberouter.api.proxy;

/** Which Service field a frontend comes from (behaviour inventory §3.1). */
public enum FrontendKind {
    /** {@code spec.clusterIPs}, port {@code spec.ports[].port}. */
    CLUSTER_IP,
    /** A node address, port {@code spec.ports[].nodePort}. */
    NODE_PORT,
    /** {@code spec.externalIPs}, port {@code spec.ports[].port}. */
    EXTERNAL_IP,
    /** {@code status.loadBalancer.ingress[].ip}, port {@code spec.ports[].port}. */
    LOAD_BALANCER;

    /** True for the kinds that {@code externalTrafficPolicy} governs; ClusterIPs follow {@code internalTrafficPolicy}. */
    public boolean external() {
        return this != CLUSTER_IP;
    }
}
