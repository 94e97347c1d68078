package io.kuberouter.webconsole;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.capabilities.FeatureManager;
import io.kuberouter.capabilities.FeatureStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The node's features and capabilities, read fresh for every report: the features and their status
 * from the {@link FeatureManager}, and the running {@link Capability} services. Starts and stops
 * features through the feature manager, for the console page and the shell commands.
 */
@Component(service = NodeCapabilities.class)
public class NodeCapabilities {

    private final FeatureManager features;
    private final List<Capability> capabilities = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();

    @Activate
    public NodeCapabilities(@Reference FeatureManager features) {
        this.features = features;
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
        List<FeatureStatus> statuses;
        String problem = "";
        try {
            statuses = features.features();
        } catch (IOException e) {
            statuses = List.of();
            problem = "cannot read the feature descriptors: " + e.getMessage();
        }
        List<FeatureState> states = new ArrayList<>();
        for (FeatureStatus status : statuses) {
            states.add(new FeatureState(status, running.stream().filter(c -> c.name().equals(status.name())).toList()));
        }
        List<Capability> unclaimed = running.stream()
                .filter(c -> states.stream().noneMatch(f -> f.name().equals(c.name()))).toList();
        return new NodeReport(clock.instant(), states, unclaimed, problem);
    }

    /** Installs what the feature lacks and starts it; returns what was done, for the operator. */
    String start(String feature) throws IOException, BundleException {
        return features.start(feature);
    }

    /** Stops the feature's bundles that no other enabled feature shares; returns what was done. */
    String stop(String feature) throws IOException, BundleException {
        return features.stop(feature);
    }
}
