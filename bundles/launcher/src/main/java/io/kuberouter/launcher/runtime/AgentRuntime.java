package io.kuberouter.launcher.runtime;

import io.kuberouter.capabilities.Feature;
import io.kuberouter.capabilities.RemovalReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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
    /** The capability service interface and its name property (bundle api; not on the launcher's class path). */
    static final String CAPABILITY = "io.kuberouter.api.capability.Capability";
    static final String CAPABILITY_NAME = "kuberouter.capability";

    private final Map<String, String> frameworkProperties;
    private final Path bundleDir;
    private final CountDownLatch started = new CountDownLatch(1);
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
        framework.adapt(FrameworkStartLevel.class).setStartLevel(FINAL_LEVEL, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                started.countDown();
            }
        });
    }

    /**
     * Waits until the framework runs at its final start level: every bundle started, so every immediate component
     * whose configuration and references are satisfied is active.
     */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the {@code Capability} service of the capability {@code name} (e.g. {@code firewall}). */
    public boolean awaitCapability(String name, Duration timeout) throws InterruptedException {
        return awaitService(capabilityFilter(name), timeout);
    }

    /**
     * Stops for good (persistently, so {@code io.kuberouter.capabilities.CapabilityStop} judges it FINAL) the bundle
     * that registered the {@code Capability} service of {@code name}, while the framework keeps running: the
     * capability's contract ({@code io.kuberouter.api.capability.Capability}) is to remove exactly the kernel state
     * it owns on such a stop. The kernel services it removes through stay, as their bundles keep running.
     *
     * @return false when no such capability is registered
     */
    public boolean stopCapability(String name) throws BundleException {
        try {
            ServiceReference<?>[] references = framework.getBundleContext().getServiceReferences((String) null,
                    capabilityFilter(name));
            if (references == null) {
                return false;
            }
            for (ServiceReference<?> reference : references) {
                Bundle bundle = reference.getBundle();
                if (bundle != null) {
                    bundle.stop();
                }
            }
            return true;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad capability name " + name, e);
        }
    }

    /**
     * What the kernel refused when the capability {@code name} last removed its state, as the capabilities bundle's
     * {@code RemovalReport} service property says (looked up by class name among all services, since the
     * launcher's copy of the class is not the bundle's, and read as a plain property);
     * empty when its removal succeeded.
     *
     * @throws IllegalStateException when no removal report is registered (the capabilities bundle is not running)
     */
    public List<String> removalFailures(String name) {
        ServiceReference<?>[] reports;
        try {
            // all references: the launcher's own copy of the class is not the bundle's, so the class-space filter of
            // getServiceReference would hide the service
            reports = framework.getBundleContext().getAllServiceReferences(RemovalReport.class.getName(), null);
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (reports == null) {
            throw new IllegalStateException("no " + RemovalReport.class.getSimpleName() + " service is registered");
        }
        return failuresOf(name, reports[0].getProperty(RemovalReport.FAILURES_PROPERTY));
    }

    /** The entries {@code NAME: refused} of a {@link RemovalReport#FAILURES_PROPERTY} value, without the name. */
    static List<String> failuresOf(String name, Object property) {
        String prefix = name + ": ";
        return property instanceof String[] failures ? Arrays.stream(failures).filter(f -> f.startsWith(prefix))
                .map(f -> f.substring(prefix.length())).toList() : List.of();
    }

    private static String capabilityFilter(String name) {
        return "(&(" + Constants.OBJECTCLASS + "=" + CAPABILITY + ")(" + CAPABILITY_NAME + "=" + name + "))";
    }

    private void install(BundleContext context, Feature.BundleRef ref) throws IOException, BundleException {
        Bundle bundle = context.installBundle(ref.jarIn(bundleDir).toUri().toString());
        bundle.adapt(BundleStartLevel.class).setStartLevel(ref.startLevel());
        Dictionary<String, String> headers = bundle.getHeaders();
        if (headers.get(Constants.FRAGMENT_HOST) == null) {
            bundle.start(Bundle.START_ACTIVATION_POLICY);
        }
    }

    /**
     * Waits for a service registered under a class name, e.g. the agent's ClusterState, or matching a filter
     * ({@code (...)}).
     */
    public boolean awaitService(String classNameOrFilter, Duration timeout) throws InterruptedException {
        BundleContext context = framework.getBundleContext();
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = classNameOrFilter.startsWith("(")
                    ? new ServiceTracker<>(context, context.createFilter(classNameOrFilter), null)
                    : new ServiceTracker<>(context, classNameOrFilter, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
