package io.kuberouter.firewall.model;

import java.util.Objects;

/**
 * What a versioned chain stands for, stable across syncs while its name changes with its content.
 *
 * @param kind what the chain implements
 * @param namespace namespace of the pod or policy
 * @param name name of the pod or policy
 */
public record ChainKey(Kind kind, String namespace, String name) implements Comparable<ChainKey> {

    /** The kinds of versioned chains. */
    public enum Kind {
        /** {@code KUBE-NWPLCY-*}: a policy's ingress rules, or its only direction's rules. */
        POLICY,
        /** {@code KUBE-NWPLCY-*}: the egress rules of a policy that has both directions. */
        POLICY_EGRESS,
        /** {@code KUBE-POD-FW-*}: a local pod's firewall. */
        POD
    }

    public ChainKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(ChainKey other) {
        int c = kind.compareTo(other.kind);
        if (c == 0) {
            c = namespace.compareTo(other.namespace);
        }
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
