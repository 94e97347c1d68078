package io.kuberouter.capabilities.manager;

import static java.util.stream.Collectors.toSet;

import io.kuberouter.capabilities.Feature;
import io.kuberouter.capabilities.FeatureStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out every change of this node's features, one at a time: an operator's start or stop, and
 * a new set of features from the Node. Reads the descriptors afresh for each change.
 *
 * <p>A feature that becomes desired (flags, node or operator) gets its missing bundles installed and
 * all its bundles started; a feature that is no longer desired gets its bundles stopped and
 * uninstalled, except those a desired feature also names. The launcher has installed and started the
 * flags' features; a desired feature an operator stopped is not started again until it has been
 * removed and becomes desired anew.
 */
final class FeatureSwitchboard {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureSwitchboard.class);

    private final BundleContext context;
    private final Path featuresDir;
    private final BundleActions actions;
    private final Supplier<Set<Long>> clientBundles;
    private final Object lock = new Object();
    private volatile DesiredFeatures desired;
    /** The desired features started since they last became desired; guarded by {@link #lock}. */
    private final Set<String> started;

    /**
     * @param featuresDir the distribution's descriptors, or {@code null} when none is configured
     * @param clientBundles the ids of the bundles using the feature manager (their features are not stoppable)
     */
    FeatureSwitchboard(BundleContext context, Path featuresDir, BundleActions actions, Set<String> flagFeatures,
            Supplier<Set<Long>> clientBundles) {
        this.context = context;
        this.featuresDir = featuresDir;
        this.actions = actions;
        this.clientBundles = clientBundles;
        this.desired = DesiredFeatures.ofFlags(flagFeatures);
        this.started = new HashSet<>(flagFeatures);
    }

    List<Feature> catalog() throws IOException {
        if (featuresDir == null) {
            throw new IOException("no features folder: the framework property "
                    + CapabilitiesConfig.FEATURES_DIR_PROPERTY + " and features.dir are not set");
        }
        return Feature.readAll(featuresDir);
    }

    List<FeatureStatus> statuses() throws IOException {
        InstalledBundles installed = InstalledBundles.of(context);
        DesiredFeatures now = desired;
        Set<Long> clients = clientBundles.get();
        return catalog().stream().map(f -> status(f, installed, now, clients)).toList();
    }

    String start(String name) throws IOException, BundleException {
        synchronized (lock) {
            Feature feature = named(catalog(), name);
            int installed = enable(feature);
            desired = desired.withOperatorStarted(name);
            started.add(name);
            return "started feature " + name + " (" + bundles(feature.bundles().size()) + ", " + installed
                    + " newly installed)";
        }
    }

    String stop(String name) throws IOException, BundleException {
        synchronized (lock) {
            List<Feature> all = catalog();
            Feature feature = named(all, name);
            InstalledBundles installed = InstalledBundles.of(context);
            FeatureStatus status = status(feature, installed, desired, clientBundles.get());
            if (!status.stoppable()) {
                throw new IllegalArgumentException("feature " + name + " cannot be stopped from the console or the "
                        + "shell: it is the platform or hosts them");
            }
            if (!installed.anyOf(feature)) {
                throw new IllegalArgumentException("feature " + name + " is not installed on this node");
            }
            desired = desired.withOperatorStopped(name);
            List<Bundle> bundles = BundleActions.capabilitiesFirst(
                    installed.startable(SharedBundles.exclusiveTo(feature, desiredOf(all))));
            BundleActions.stop(bundles);
            return "stopped feature " + name + " (" + bundles(bundles.size()) + ")";
        }
    }

    /**
     * Makes the features a Node annotation's value lists (see {@link NodeFeatures}) the node part of the
     * desired features: removes the features no longer desired, then enables the newly desired ones.
     * Failures are logged per feature.
     *
     * @param annotation the annotation's value, {@code null} when the Node has none
     */
    void applyNode(String annotation) {
        synchronized (lock) {
            List<Feature> all;
            try {
                all = catalog();
            } catch (IOException e) {
                LOG.error("cannot apply the node's capabilities: {}", e.getMessage());
                return;
            }
            NodeFeatures node = NodeFeatures.parse(annotation, all.stream().map(Feature::name).collect(toSet()));
            desired = desired.withNode(node.enabled());
            LOG.info("node capabilities {}{}; this node runs {}", node.enabled(),
                    node.ignored().isEmpty() ? "" : ", ignored " + node.ignored(), desired.all());
            removeUndesired(all);
            enableNewlyDesired(all);
        }
    }

    /**
     * Removes every feature no longer desired in one go: the bundles exclusive to any of them, stopped
     * capabilities first (see {@link BundleActions#capabilitiesFirst}), then uninstalled.
     */
    private void removeUndesired(List<Feature> all) {
        started.retainAll(desired.all());
        List<Feature> staying = desiredOf(all);
        InstalledBundles installed = InstalledBundles.of(context);
        List<String> removed = new ArrayList<>();
        Set<Bundle> bundles = new LinkedHashSet<>();
        for (Feature feature : all) {
            if (Feature.CORE.equals(feature.name()) || desired.contains(feature.name())) {
                continue;
            }
            List<Bundle> exclusive = SharedBundles.exclusiveTo(feature, staying).stream().map(installed::find)
                    .flatMap(Optional::stream).toList();
            if (!exclusive.isEmpty()) {
                removed.add(feature.name());
                bundles.addAll(exclusive);
            }
        }
        if (!bundles.isEmpty()) {
            remove(removed, BundleActions.capabilitiesFirst(List.copyOf(bundles)));
        }
    }

    /** Stops the bundles (in the given order, fragments left out), then uninstalls them. */
    private void remove(List<String> features, List<Bundle> bundles) {
        try {
            BundleActions.stop(bundles.stream().filter(b -> !InstalledBundles.fragment(b)).toList());
            actions.uninstall(bundles);
            LOG.info("removed features {}: {} stopped and uninstalled", features, bundles(bundles.size()));
        } catch (BundleException e) {
            LOG.error("could not remove features {}: {}", features, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("could not remove features {}", features, e);
        }
    }

    private void enableNewlyDesired(List<Feature> all) {
        for (Feature feature : all) {
            String name = feature.name();
            if (!desired.contains(name) || started.contains(name)) {
                continue;
            }
            try {
                int installed = enable(feature);
                started.add(name);
                LOG.info("enabled feature {}: {} started, {} newly installed", name, bundles(feature.bundles().size()),
                        installed);
            } catch (IOException | BundleException e) {
                LOG.error("could not enable feature {}: {}", name, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("could not enable feature {}", name, e);
            }
        }
    }

    /** Installs the feature's missing bundles and starts all of them; returns how many were installed. */
    private int enable(Feature feature) throws IOException, BundleException {
        List<Bundle> added = actions.installMissing(feature.bundles());
        BundleActions.start(InstalledBundles.of(context).startable(SharedBundles.startOrder(feature)));
        return added.size();
    }

    private List<Feature> desiredOf(List<Feature> all) {
        return all.stream().filter(f -> desired.contains(f.name())).toList();
    }

    private static String bundles(int count) {
        return count + (count == 1 ? " bundle" : " bundles");
    }

    private static Feature named(List<Feature> all, String name) {
        return all.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + name + " in this distribution"));
    }

    private static FeatureStatus status(Feature feature, InstalledBundles installed, DesiredFeatures desired,
            Set<Long> clients) {
        List<FeatureStatus.Member> members = installed.members(feature);
        boolean hostsClient = members.stream().anyMatch(m -> clients.contains(m.bundleId()));
        return new FeatureStatus(feature, desired.enablement(feature.name()), members,
                !Feature.CORE.equals(feature.name()) && !hostsClient);
    }
}
