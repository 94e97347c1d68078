package io.kuberouter.webconsole;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Starts or stops one feature on this node. Bundles start in ascending start-level order and stop
 * in descending order; fragments are left alone. Stopping keeps bundles that another installed
 * feature also lists, and refuses {@code core} (the platform) and the feature that hosts the
 * console and the shell commands themselves, which would cut off the operator mid-request.
 */
final class FeatureSwitch {

    private final NodeReport report;
    private final Bundle self;

    FeatureSwitch(NodeReport report, Bundle self) {
        this.report = report;
        this.self = Objects.requireNonNull(self, "self");
    }

    String start(String name) throws BundleException {
        FeatureState feature = installed(name);
        List<Bundle> bundles = startable(feature).sorted(Comparator.comparingInt(FeatureSwitch::level)).toList();
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        return "started feature " + name + " (" + bundles.size() + " bundles)";
    }

    String stop(String name) throws BundleException {
        FeatureState feature = installed(name);
        if (!stoppable(feature, self)) {
            throw new IllegalArgumentException("feature " + name + " cannot be stopped from the console or the shell: "
                    + "it is the platform or hosts them");
        }
        List<Bundle> bundles = startable(feature).filter(b -> !sharedWithAnotherFeature(b, feature))
                .sorted(Comparator.comparingInt(FeatureSwitch::level).reversed()).toList();
        for (Bundle bundle : bundles) {
            bundle.stop();
        }
        return "stopped feature " + name + " (" + bundles.size() + " bundles)";
    }

    /** False for {@code core} and for the feature of the bundle {@code self} (the console's own). */
    static boolean stoppable(FeatureState feature, Bundle self) {
        return !FeatureDescriptor.CORE.equals(feature.name()) && !feature.contains(self);
    }

    private FeatureState installed(String name) {
        FeatureState feature = report.feature(name)
                .orElseThrow(() -> new IllegalArgumentException("no feature " + name + " in this distribution"));
        if (!feature.enabled()) {
            throw new IllegalArgumentException("feature " + name + " is not installed on this node");
        }
        return feature;
    }

    private static Stream<Bundle> startable(FeatureState feature) {
        return feature.bundles().stream().filter(m -> !m.fragment()).map(FeatureState.Member::bundle);
    }

    private boolean sharedWithAnotherFeature(Bundle bundle, FeatureState feature) {
        return report.features().stream().anyMatch(f -> f != feature && f.enabled() && f.contains(bundle));
    }

    private static int level(Bundle bundle) {
        return bundle.adapt(BundleStartLevel.class).getStartLevel();
    }
}
