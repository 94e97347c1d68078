package io.kuberouter.capabilities.manager;

import io.kuberouter.capabilities.Feature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The shared-bundle rule: stopping or removing a feature touches only the bundles no feature that
 * stays names, so a library two features share keeps running for the one that stays.
 */
final class SharedBundles {

    private SharedBundles() {
    }

    /**
     * The bundles of {@code feature} that none of {@code staying} names, in the order to stop them in:
     * descending start level and, within a level, the reverse of the descriptor's order (descriptors
     * list what a bundle uses before the bundle, so the capability stops while its kernel access still
     * runs). A feature in {@code staying} with the same name as {@code feature} is not counted.
     */
    static List<Feature.BundleRef> exclusiveTo(Feature feature, Collection<Feature> staying) {
        List<Feature.BundleRef> exclusive = new ArrayList<>(feature.bundles().stream()
                .filter(ref -> staying.stream().noneMatch(f -> !f.name().equals(feature.name()) && f.names(ref.id())))
                .toList());
        Collections.reverse(exclusive);
        exclusive.sort(Comparator.comparingInt(Feature.BundleRef::startLevel).reversed());
        return List.copyOf(exclusive);
    }

    /** The feature's bundles in ascending start-level order (the order to start them in). */
    static List<Feature.BundleRef> startOrder(Feature feature) {
        return feature.bundles().stream().sorted(Comparator.comparingInt(Feature.BundleRef::startLevel)).toList();
    }
}
