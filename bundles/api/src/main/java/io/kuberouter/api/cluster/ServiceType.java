package io.kuberouter.api.cluster;

/** {@code spec.type} of a Service. */
public enum ServiceType {
    CLUSTER_IP, NODE_PORT, LOAD_BALANCER, EXTERNAL_NAME;

    /** Parses the Kubernetes spelling; {@code null} means ClusterIP (the API default). */
    public static ServiceType parse(String value) {
        if (value == null) {
            return CLUSTER_IP;
        }
        return switch (value) {
            case "NodePort" -> NODE_PORT;
            case "LoadBalancer" -> LOAD_BALANCER;
            case "ExternalName" -> EXTERNAL_NAME;
            default -> CLUSTER_IP;
        };
    }
}
