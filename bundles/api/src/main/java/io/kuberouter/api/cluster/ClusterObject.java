package io.kuberouter.api.cluster;

/** A view of one API object. */
public sealed interface ClusterObject
        permits Service, EndpointSlice, Pod, Node, Namespace, NetworkPolicy {

    ObjectKey key();

    /** The kind of this view. */
    ResourceKind kind();
}
