package io.kuberouter.launcher;

import io.kuberouter.capabilities.Feature;
import io.kuberouter.launcher.flags.ExtensionFlags;
import io.kuberouter.launcher.flags.Options;
import io.kuberouter.launcher.runtime.AgentRuntime;
import io.kuberouter.launcher.standalone.StandaloneApi;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs the agent: plan, framework, configurations, cache sync, then wait for a signal. */
final class Agent {

    /** Extra time over --cache-sync-timeout for the framework and the client to start. */
    private static final Duration START_MARGIN = Duration.ofSeconds(5);
    private static final String CLUSTER_STATE = "io.kuberouter.api.cluster.ClusterState";
    private static final String K8S_PID = "io.kuberouter.k8s";
    /** Held so the level is not garbage collected with an unreferenced logger. */
    private static final Logger SPIFLY = Logger.getLogger("org.apache.aries.spifly");

    private final Distribution distribution;
    private final Log log;

    Agent(Distribution distribution, Log log) {
        this.distribution = distribution;
        this.log = log;
    }

    int run(Options options, Duration cacheSyncTimeout, Path stateDir) {
        quietServiceLoaderMediator();
        try {
            LaunchPlan plan = LaunchPlan.of(options, distribution.features());
            plan.locate(distribution.featureDescriptors(), distribution.bundles());
            String standalone = options.get(ExtensionFlags.STANDALONE);
            if (!standalone.isBlank()) {
                StandaloneApi.quietServerLog();
                useStandaloneApi(plan, StandaloneApi.start(Path.of(standalone), 0, log::info));
            }
            plan.missing().forEach(f -> log.warn("feature " + f + " is requested by the flags but not part of "
                    + "this distribution; running without it"));
            Map<String, String> properties = frameworkProperties(distribution, plan,
                    stateDir.resolve("felix-cache"));
            properties.forEach((k, v) -> {
                if (k.startsWith("org.slf4j.")) {
                    System.setProperty(k, v);
                }
            });
            AgentRuntime runtime = new AgentRuntime(properties, distribution.bundles());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runtime), "kube-router-shutdown"));
            runtime.start(plan.features(), plan.configurations());
            log.info("started features " + plan.features().stream().map(Feature::name).toList() + " in "
                    + ManagementFactory.getRuntimeMXBean().getUptime() + " ms since JVM start");
            if (!runtime.awaitService(CLUSTER_STATE, cacheSyncTimeout.plus(START_MARGIN))) {
                log.error("failed to sync the cluster caches within --cache-sync-timeout=" + cacheSyncTimeout.toSeconds()
                        + "s; exiting");
                runtime.close();
                return 1;
            }
            runtime.awaitStop();
            return 0;
        } catch (Exception e) {
            log.error("cannot start the agent: " + e.getMessage());
            return 1;
        }
    }

    /** SPI Fly logs one INFO line per ServiceLoader provider (hundreds for the fabric8 model) otherwise. */
    static void quietServiceLoaderMediator() {
        SPIFLY.setLevel(Level.WARNING);
    }

    /** Points the k8s component at the embedded API, which lives as long as the JVM. */
    private static void useStandaloneApi(LaunchPlan plan, StandaloneApi api) {
        Map<String, Object> k8s = plan.configurations().computeIfAbsent(K8S_PID, p -> new java.util.LinkedHashMap<>());
        k8s.put("master", api.url());
        k8s.put("kubeconfig", "");
    }

    /**
     * The distribution's framework properties with the framework cache at {@code storage} (its parent is created),
     * the FileInstall folder, where descriptors are, and the plan's own.
     */
    static Map<String, String> frameworkProperties(Distribution distribution, LaunchPlan plan, Path storage)
            throws java.io.IOException {
        Map<String, String> properties = distribution.frameworkProperties();
        Files.createDirectories(distribution.dropIns());
        Files.createDirectories(storage.getParent());
        properties.put("org.osgi.framework.storage", storage.toString());
        properties.put("felix.fileinstall.dir", distribution.dropIns().toString());
        // the feature manager reads the descriptors from here unless its configuration names features.dir
        properties.put("kuberouter.features.dir", distribution.featureDescriptors().toString());
        properties.putAll(plan.frameworkProperties());
        return properties;
    }

    private void stop(AgentRuntime runtime) {
        try {
            runtime.close();
        } catch (Exception e) {
            log.error("stopping: " + e.getMessage());
        }
    }
}
