package io.kuberouter.api.cluster;

import java.util.Map;

/** A Namespace; its labels feed NetworkPolicy namespace selectors. */
public record Namespace(ObjectKey key, Map<String, String> labels) implements ClusterObject {

    public Namespace {
        java.util.Objects.requireNonNull(key, "key");
        labels = Map.copyOf(labels);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.NAMESPACE;
    }
}
