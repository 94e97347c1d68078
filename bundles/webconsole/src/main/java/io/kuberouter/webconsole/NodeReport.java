package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the Capabilities page and {@code kr:capabilities} show, taken at one instant.
 *
 * @param features every feature of the distribution, enabled on this node or not
 * @param unclaimed running capabilities whose name matches no feature descriptor
 * @param problem why the feature descriptors could not be read, or empty
 */
record NodeReport(Instant at, List<FeatureState> features, List<Capability> unclaimed, String problem) {

    NodeReport {
        features = List.copyOf(features);
        unclaimed = List.copyOf(unclaimed);
    }

    Optional<FeatureState> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
