package io.kuberouter.api.cluster;

/** {@code externalTrafficPolicy} / {@code internalTrafficPolicy}. */
public enum TrafficPolicy {
    CLUSTER, LOCAL;

    /** Parses the Kubernetes spelling; {@code null} means Cluster (the API default). */
    public static TrafficPolicy parse(String value) {
        return "Local".equalsIgnoreCase(value) ? LOCAL : CLUSTER;
    }
}
