package io.kuberouter.launcher.runtime;

import io.kuberouter.capabilities.Feature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The embedded Felix framework. Start-up order: install every bundle of the enabled features,
 * start the framework up to the level of ConfigurationAdmin, write all configurations, then raise
 * the start level so components activate with their configuration already present.
 *
 * <p>The launcher and the bundles share the ConfigurationAdmin API: the launcher's class path
 * holds it and the system bundle exports it.
 */
public final class AgentRuntime implements AutoCloseable {

    /** Level at which ConfigurationAdmin runs (see {@code features/core.json}). */
    static final int CONFIG_LEVEL = 2;
    /** Level at which every bundle runs. */
    static final int FINAL_LEVEL = 6;
    static final String CM_PACKAGE = "org.osgi.service.cm;version=1.6.1";

    private final Map<String, String> frameworkProperties;
    private final Path bundleDir;
    private Framework framework;

    /**
     * @param frameworkProperties the distribution's {@code conf/config.properties} plus the
     *     launcher's own (storage, FileInstall folder, HTTP address)
     * @param bundleDir the distribution's {@code bundle/} folder, one jar per bundle
     */
    public AgentRuntime(Map<String, String> frameworkProperties, Path bundleDir) {
        this.frameworkProperties = new LinkedHashMap<>(frameworkProperties);
        this.frameworkProperties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, CM_PACKAGE);
        this.frameworkProperties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(CONFIG_LEVEL));
        this.frameworkProperties.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN,
                Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        this.bundleDir = bundleDir;
    }

    /** Installs the features' bundles, writes the configurations and starts everything. */
    public void start(List<Feature> features, Map<String, Map<String, Object>> configurations)
            throws IOException, BundleException, InterruptedException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        framework = factory.newFramework(frameworkProperties);
        framework.init();
        BundleContext context = framework.getBundleContext();
        for (Feature feature : features) {
            for (Feature.BundleRef ref : feature.bundles()) {
                install(context, ref);
            }
        }
        framework.start();
        ConfigurationAdmin admin = awaitService(context, ConfigurationAdmin.class, Duration.ofSeconds(30));
        for (Map.Entry<String, Map<String, Object>> e : configurations.entrySet()) {
            Configuration configuration = admin.getConfiguration(e.getKey(), "?");
            configuration.update(new Hashtable<>(e.getValue()));
        }
        framework.adapt(FrameworkStartLevel.class).setStartLevel(FINAL_LEVEL);
    }

    private void install(BundleContext context, Feature.BundleRef ref) throws IOException, BundleException {
        Bundle bundle = context.installBundle(ref.jarIn(bundleDir).toUri().toString());
        bundle.adapt(BundleStartLevel.class).setStartLevel(ref.startLevel());
        Dictionary<String, String> headers = bundle.getHeaders();
        if (headers.get(Constants.FRAGMENT_HOST) == null) {
            bundle.start(Bundle.START_ACTIVATION_POLICY);
        }
    }

    /** Waits for a service registered under a class name, e.g. the agent's ClusterState. */
    public boolean awaitService(String className, Duration timeout) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(), className, null);
        tracker.open();
        try {
            return tracker.waitForService(timeout.toMillis()) != null;
        } finally {
            tracker.close();
        }
    }

    private static <T> T awaitService(BundleContext context, Class<T> type, Duration timeout)
            throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(timeout.toMillis());
        if (service == null) {
            throw new IllegalStateException(type.getName() + " did not start within " + timeout.toSeconds() + " s");
        }
        return service;
    }

    /** Blocks until the framework has stopped. */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops every bundle in reverse start-level order and waits up to 30 s. */
    @Override
    public void close() throws BundleException, InterruptedException {
        if (framework != null && (framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }
}
