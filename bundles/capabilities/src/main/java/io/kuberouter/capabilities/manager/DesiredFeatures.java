package io.kuberouter.capabilities.manager;

import io.kuberouter.capabilities.FeatureStatus.Enablement;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The features that should run on this node: the union of those the flags enable, those the Node's
 * annotation lists and those an operator started. Immutable.
 */
record DesiredFeatures(Set<String> flags, Set<String> node, Set<String> operator) {

    DesiredFeatures {
        flags = sorted(flags);
        node = sorted(node);
        operator = sorted(operator);
    }

    static DesiredFeatures ofFlags(Set<String> flags) {
        return new DesiredFeatures(flags, Set.of(), Set.of());
    }

    DesiredFeatures withNode(Set<String> features) {
        return new DesiredFeatures(flags, features, operator);
    }

    DesiredFeatures withOperatorStarted(String feature) {
        Set<String> started = new TreeSet<>(operator);
        started.add(feature);
        return new DesiredFeatures(flags, node, started);
    }

    DesiredFeatures withOperatorStopped(String feature) {
        Set<String> started = new TreeSet<>(operator);
        started.remove(feature);
        return new DesiredFeatures(flags, node, started);
    }

    /** Every desired feature, sorted by name. */
    Set<String> all() {
        Set<String> all = new TreeSet<>(flags);
        all.addAll(node);
        all.addAll(operator);
        return Collections.unmodifiableSet(all);
    }

    boolean contains(String feature) {
        return flags.contains(feature) || node.contains(feature) || operator.contains(feature);
    }

    /** The first reason that applies: flags, then node, then operator. */
    Enablement enablement(String feature) {
        if (flags.contains(feature)) {
            return Enablement.FLAGS;
        }
        if (node.contains(feature)) {
            return Enablement.NODE;
        }
        return operator.contains(feature) ? Enablement.OPERATOR : Enablement.NONE;
    }

    private static Set<String> sorted(Set<String> names) {
        return Collections.unmodifiableSet(new TreeSet<>(names));
    }
}
