package io.kuberouter.api.cluster;

/** The kinds of API objects the agent watches. */
public enum ResourceKind {
    SERVICE, ENDPOINT_SLICE, POD, NODE, NAMESPACE, NETWORK_POLICY
}
