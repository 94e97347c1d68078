package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The node's features and capabilities, read fresh for every report: the distribution's feature
 * descriptors (folder named by the framework property {@value #FEATURES_DIR}, set by the launcher),
 * the installed bundles, and the running {@link Capability} services. Starts and stops features
 * for the console page and the shell commands through {@link FeatureSwitch}.
 */
@Component(service = NodeCapabilities.class)
public class NodeCapabilities {

    /** Framework property: the distribution's {@code features/} folder. */
    static final String FEATURES_DIR = "kuberouter.features.dir";

    private final BundleContext context;
    private final List<Capability> capabilities = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();

    @Activate
    public NodeCapabilities(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCapability(Capability capability) {
        capabilities.add(capability);
    }

    void removeCapability(Capability capability) {
        capabilities.remove(capability);
    }

    NodeReport report() {
        List<Capability> running = List.copyOf(capabilities);
        Descriptors descriptors = descriptors();
        List<FeatureState> features = new ArrayList<>();
        for (FeatureDescriptor descriptor : descriptors.features()) {
            features.add(state(descriptor, running));
        }
        List<Capability> unclaimed = running.stream()
                .filter(c -> descriptors.features().stream().noneMatch(d -> d.name().equals(c.name()))).toList();
        return new NodeReport(clock.instant(), features, unclaimed, descriptors.problem());
    }

    /** The feature descriptors, or none and why. */
    private record Descriptors(List<FeatureDescriptor> features, String problem) {
    }

    private Descriptors descriptors() {
        String dir = context.getProperty(FEATURES_DIR);
        if (dir == null || dir.isBlank()) {
            return new Descriptors(List.of(), "the framework property " + FEATURES_DIR + " is not set; "
                    + "the features of this distribution are unknown");
        }
        try {
            return new Descriptors(FeatureDescriptor.readAll(Path.of(dir)), "");
        } catch (IOException e) {
            return new Descriptors(List.of(), "cannot read the feature descriptors in " + dir + ": " + e.getMessage());
        }
    }

    private FeatureState state(FeatureDescriptor descriptor, List<Capability> running) {
        Bundle[] installed = context.getBundles();
        List<FeatureState.Member> members = new ArrayList<>();
        for (FeatureDescriptor.BundleRef ref : descriptor.bundles()) {
            Bundle match = null;
            for (Bundle bundle : installed) {
                if (BundleLocations.names(bundle.getLocation(), ref)) {
                    match = bundle;
                }
            }
            members.add(new FeatureState.Member(ref, match));
        }
        List<Capability> own = running.stream().filter(c -> c.name().equals(descriptor.name())).toList();
        return new FeatureState(descriptor, members, own);
    }

    /** Starts every bundle of the feature; returns what was done, for the operator. */
    String start(String feature) throws BundleException {
        NodeReport report = report();
        return new FeatureSwitch(report, context.getBundle()).start(feature);
    }

    /** Stops the feature's bundles that no other installed feature shares; returns what was done. */
    String stop(String feature) throws BundleException {
        NodeReport report = report();
        return new FeatureSwitch(report, context.getBundle()).stop(feature);
    }
}
