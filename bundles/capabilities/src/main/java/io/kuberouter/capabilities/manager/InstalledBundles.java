package io.kuberouter.capabilities.manager;

import io.kuberouter.capabilities.Feature;
import io.kuberouter.capabilities.FeatureStatus;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The bundles installed at one instant, and which of them a feature's bundle references name
 * (judged by location, {@link Feature.BundleRef#isLocationOf}).
 */
final class InstalledBundles {

    private final List<Bundle> bundles;

    private InstalledBundles(List<Bundle> bundles) {
        this.bundles = bundles;
    }

    static InstalledBundles of(BundleContext context) {
        return new InstalledBundles(List.of(context.getBundles()));
    }

    /** The installed bundle a reference names; the newest one if several do. */
    Optional<Bundle> find(Feature.BundleRef ref) {
        Bundle match = null;
        for (Bundle bundle : bundles) {
            if (bundle.getState() != Bundle.UNINSTALLED && ref.isLocationOf(bundle.getLocation())) {
                match = bundle;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether any bundle of the feature is installed. */
    boolean anyOf(Feature feature) {
        return feature.bundles().stream().anyMatch(ref -> find(ref).isPresent());
    }

    /** The installed bundles these references name, in the references' order; fragments left out. */
    List<Bundle> startable(List<Feature.BundleRef> refs) {
        return refs.stream().map(this::find).flatMap(Optional::stream).filter(b -> !fragment(b)).toList();
    }

    FeatureStatus.Member member(Feature.BundleRef ref) {
        return find(ref).map(b -> new FeatureStatus.Member(ref, b.getBundleId(), b.getState(), fragment(b)))
                .orElseGet(() -> FeatureStatus.Member.absent(ref));
    }

    List<FeatureStatus.Member> members(Feature feature) {
        return feature.bundles().stream().map(this::member).toList();
    }

    static boolean fragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
