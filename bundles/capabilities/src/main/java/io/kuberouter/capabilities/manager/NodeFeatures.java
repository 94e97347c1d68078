package io.kuberouter.capabilities.manager;

import io.kuberouter.capabilities.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The features a Node annotation's value enables: comma-separated names, blanks around them and
 * empty items ignored. Only capability features ({@link Feature#CAPABILITIES}) that the distribution
 * has are taken; every other name is ignored, with the reason, for the log.
 *
 * @param enabled the accepted names, sorted
 * @param ignored the refused names, each with why, e.g. {@code core (not a capability feature)}
 */
record NodeFeatures(Set<String> enabled, List<String> ignored) {

    NodeFeatures {
        enabled = Collections.unmodifiableSet(new TreeSet<>(enabled));
        ignored = List.copyOf(ignored);
    }

    /**
     * @param value the annotation's value, {@code null} when the Node has no such annotation
     * @param available the names of the distribution's features
     */
    static NodeFeatures parse(String value, Set<String> available) {
        Set<String> enabled = new TreeSet<>();
        List<String> ignored = new ArrayList<>();
        for (String item : value == null ? new String[0] : value.split(",")) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!Feature.CAPABILITIES.contains(name)) {
                ignored.add(name + " (not a capability feature)");
            } else if (!available.contains(name)) {
                ignored.add(name + " (not part of this distribution)");
            } else {
                enabled.add(name);
            }
        }
        return new NodeFeatures(enabled, ignored);
    }
}
