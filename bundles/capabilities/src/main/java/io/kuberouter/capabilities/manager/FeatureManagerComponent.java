package io.kuberouter.capabilities.manager;

import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.capabilities.FeatureManager;
import io.kuberouter.capabilities.FeatureStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FeatureManager} of this node. With a {@code node.annotation} configured it follows that
 * annotation of the local Node through the (optional, dynamic) {@link ClusterState} and applies each
 * new value; without one, features change only by the launcher and by an operator. Deactivation
 * leaves every feature as it is.
 */
@Component(service = FeatureManager.class, configurationPid = FeatureManager.PID, immediate = true)
@Designate(ocd = CapabilitiesConfig.class)
public class FeatureManagerComponent implements FeatureManager {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureManagerComponent.class);

    private final ComponentContext component;
    private final FeatureSwitchboard switchboard;
    private final NodeWatch nodeWatch;

    @Activate
    public FeatureManagerComponent(ComponentContext component, BundleContext context, CapabilitiesConfig config) {
        this.component = component;
        Path bundleDir = config.bundle_dir().isBlank() ? null : Path.of(config.bundle_dir());
        Set<String> flagFeatures = Set.copyOf(Arrays.asList(config.flag_features()));
        this.switchboard = new FeatureSwitchboard(context, featuresDir(context, config),
                new BundleActions(context, bundleDir), flagFeatures, this::clientBundles);
        String annotation = config.node_annotation().trim();
        this.nodeWatch = annotation.isEmpty() ? null : new NodeWatch(annotation, switchboard::applyNode);
        LOG.info("feature manager: flags enable {}; node annotation {}", flagFeatures.stream().sorted().toList(),
                annotation.isEmpty() ? "not watched" : annotation);
    }

    private static Path featuresDir(BundleContext context, CapabilitiesConfig config) {
        String dir = config.features_dir().isBlank() ? context.getProperty(CapabilitiesConfig.FEATURES_DIR_PROPERTY)
                : config.features_dir();
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    @Deactivate
    void deactivate() {
        if (nodeWatch != null) {
            nodeWatch.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClusterState(ClusterState cluster) {
        if (nodeWatch != null) {
            nodeWatch.bind(cluster);
        }
    }

    void unbindClusterState(ClusterState cluster) {
        if (nodeWatch != null) {
            nodeWatch.unbind(cluster);
        }
    }

    /** The bundles using this service: the console and the shell commands. */
    private Set<Long> clientBundles() {
        ServiceReference<?> reference = component.getServiceReference();
        Bundle[] using = reference == null ? null : reference.getUsingBundles();
        return using == null ? Set.of() : Arrays.stream(using).map(Bundle::getBundleId).collect(Collectors.toSet());
    }

    @Override
    public List<FeatureStatus> features() throws IOException {
        return switchboard.statuses();
    }

    @Override
    public String start(String name) throws IOException, BundleException {
        return switchboard.start(name);
    }

    @Override
    public String stop(String name) throws IOException, BundleException {
        return switchboard.stop(name);
    }
}
