package io.kuberouter.api.cluster;

/**
 * One change of the cluster state: an object added ({@code previous == null}), updated, or
 * deleted ({@code current == null}).
 */
public record ClusterChange(ResourceKind kind, ObjectKey key, ClusterObject previous, ClusterObject current) {

    public ClusterChange {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(key, "key");
        if (previous == null && current == null) {
            throw new IllegalArgumentException("a change needs a previous or a current object");
        }
    }
}
