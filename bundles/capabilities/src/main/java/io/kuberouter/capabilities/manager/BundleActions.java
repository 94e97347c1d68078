package io.kuberouter.capabilities.manager;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.capabilities.Feature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, starts, stops and uninstalls bundles for the feature manager. Bundles are installed from
 * the distribution's bundle folder at their descriptor's start level and started persistently
 * (honouring lazy activation), in the order the caller gives.
 */
final class BundleActions {

    private static final Logger LOG = LoggerFactory.getLogger(BundleActions.class);

    private final BundleContext context;
    private final Path bundleDir;

    /** @param bundleDir the distribution's bundle folder, or {@code null} when none is configured */
    BundleActions(BundleContext context, Path bundleDir) {
        this.context = context;
        this.bundleDir = bundleDir;
    }

    /**
     * Installs the bundles among {@code refs} that are not installed. All or nothing: when one fails,
     * those installed by this call are uninstalled again.
     *
     * @return the newly installed bundles
     * @throws IOException when no bundle folder is configured or a jar is missing
     */
    List<Bundle> installMissing(List<Feature.BundleRef> refs) throws IOException, BundleException {
        InstalledBundles installed = InstalledBundles.of(context);
        List<Bundle> added = new ArrayList<>();
        try {
            for (Feature.BundleRef ref : refs) {
                if (installed.find(ref).isEmpty()) {
                    added.add(install(ref));
                }
            }
        } catch (IOException | BundleException | RuntimeException e) {
            undo(added, e);
            throw e;
        }
        return added;
    }

    private void undo(List<Bundle> added, Exception cause) {
        try {
            uninstall(added);
        } catch (BundleException | RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }

    private Bundle install(Feature.BundleRef ref) throws IOException, BundleException {
        if (bundleDir == null) {
            throw new IOException("bundle " + ref.id() + " is not installed and no bundle folder is configured");
        }
        Bundle bundle = context.installBundle(ref.jarIn(bundleDir).toUri().toString());
        bundle.adapt(BundleStartLevel.class).setStartLevel(ref.startLevel());
        return bundle;
    }

    /** Starts the bundles in the given order. */
    static void start(List<Bundle> bundles) throws BundleException {
        for (Bundle bundle : bundles) {
            bundle.start(Bundle.START_ACTIVATION_POLICY);
        }
    }

    /**
     * The bundles in the order to stop them in: those that registered a {@link Capability} first, so every
     * capability stops for good (and removes its kernel state) while the kernel access and libraries it uses,
     * which other features of the same change may drop, still run; then the rest, each group in the given order.
     */
    static List<Bundle> capabilitiesFirst(List<Bundle> bundles) {
        List<Bundle> ordered = new ArrayList<>(bundles.stream().filter(BundleActions::registersCapability).toList());
        bundles.stream().filter(b -> !ordered.contains(b)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static boolean registersCapability(Bundle bundle) {
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        return services != null && Arrays.stream(services).map(r -> r.getProperty(Constants.OBJECTCLASS))
                .anyMatch(classes -> Arrays.asList((String[]) classes).contains(Capability.class.getName()));
    }

    /** Stops the bundles in the given order. */
    static void stop(List<Bundle> bundles) throws BundleException {
        for (Bundle bundle : bundles) {
            bundle.stop();
        }
    }

    /**
     * Uninstalls the bundles, then refreshes them so their wirings go, unless a bundle that stays is
     * wired to them: a refresh would restart it, so the stale wiring is left until the next refresh.
     */
    void uninstall(Collection<Bundle> bundles) throws BundleException {
        if (bundles.isEmpty()) {
            return;
        }
        for (Bundle bundle : bundles) {
            bundle.uninstall();
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Set<Bundle> closure = new HashSet<>(wiring.getDependencyClosure(bundles));
        closure.removeAll(bundles);
        if (closure.isEmpty()) {
            wiring.refreshBundles(bundles);
        } else {
            LOG.warn("not refreshing the uninstalled bundles: {} are still wired to them", closure);
        }
    }
}
