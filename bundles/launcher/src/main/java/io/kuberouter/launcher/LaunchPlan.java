package io.kuberouter.launcher;

import io.kuberouter.capabilities.Feature;
import io.kuberouter.capabilities.FeatureManager;
import io.kuberouter.launcher.flags.ConfigurationMapper;
import io.kuberouter.launcher.flags.ConfigurationPid;
import io.kuberouter.launcher.flags.ConfigurationSpec;
import io.kuberouter.launcher.flags.ExtensionFlags;
import io.kuberouter.launcher.flags.Flag;
import io.kuberouter.launcher.flags.GeneralFlags;
import io.kuberouter.launcher.flags.Options;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the agent will run, derived purely from the options and the feature descriptors the
 * distribution ships: the features to install (core first), the features the flags ask for but
 * this distribution lacks, every configuration (feature defaults overridden by flag values), and
 * the framework properties of the Web Console's HTTP server.
 *
 * <p>With {@code --node-capabilities} the configurations also cover every capability feature of the
 * distribution, so one the Node enables later finds its configuration. The feature manager's own
 * configuration ({@value FeatureManager#PID}) names the features the flags enable and the Node
 * annotation to follow; {@link #locate} adds where the distribution keeps descriptors and bundles.
 */
public record LaunchPlan(List<Feature> features, Set<String> missing, Map<String, Map<String, Object>> configurations,
        Map<String, String> frameworkProperties) {

    static final String WEBCONSOLE_PID = "io.kuberouter.webconsole";
    static final String K8S_PID = ConfigurationPid.K8S.pid();
    static final String OSGI_MANAGER_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";

    public static LaunchPlan of(Options options, Map<String, Feature> available) {
        List<Feature> features = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        Set<String> wanted = new TreeSet<>(ConfigurationMapper.features(options));
        wanted.remove("core");
        features.add(require(available, "core"));
        for (String name : wanted) {
            Feature feature = available.get(name);
            if (feature == null) {
                missing.add(name);
            } else {
                features.add(feature);
            }
        }
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        configured(features, options, available)
                .forEach(f -> f.configurations().forEach((pid, props) -> merge(configurations, pid, props)));
        for (ConfigurationSpec spec : ConfigurationMapper.configurations(options)) {
            merge(configurations, spec.pid(), spec.properties());
        }
        merge(configurations, FeatureManager.PID, featureManager(options));
        return new LaunchPlan(List.copyOf(features), missing, configurations, webConsole(configurations));
    }

    /**
     * The plan of {@code --cleanup-config}: {@code core}, {@code metrics} (the capabilities publish metric collectors)
     * and every capability feature the distribution ships ({@link Feature#CAPABILITIES}, whatever the {@code --run-*}
     * flags say, as upstream cleans up every controller), configured from the flags, but
     * <ul>
     * <li>without cluster access: no {@value #K8S_PID} configuration, so no cluster state is published and no
     * capability syncs (upstream's cleanup needs no API server either);</li>
     * <li>without HTTP endpoints (health and metrics ports 0) and without the Web Console, so it can run next to an
     * agent;</li>
     * <li>with a feature manager that follows no Node annotation.</li>
     * </ul>
     * {@link #capabilities()} lists the capability features, in the order their state is removed.
     */
    public static LaunchPlan forCleanup(Options options, Map<String, Feature> available) {
        List<Feature> features = new ArrayList<>(List.of(require(available, "core"), require(available, "metrics")));
        Feature.CAPABILITIES.stream().map(available::get).filter(Objects::nonNull).forEach(features::add);
        List<String> names = features.stream().map(Feature::name).toList();
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        features.forEach(f -> f.configurations().forEach((pid, props) -> merge(configurations, pid, props)));
        for (ConfigurationSpec spec : ConfigurationMapper.configurations(options, names)) {
            merge(configurations, spec.pid(), spec.properties());
        }
        configurations.remove(K8S_PID);
        configurations.computeIfPresent(ConfigurationPid.HEALTH.pid(), (pid, props) -> withPort(props,
                GeneralFlags.HEALTH_PORT));
        configurations.computeIfPresent(ConfigurationPid.METRICS.pid(), (pid, props) -> withPort(props,
                GeneralFlags.METRICS_PORT));
        merge(configurations, FeatureManager.PID, Map.of("flag.features", names.toArray(String[]::new),
                "node.annotation", ""));
        return new LaunchPlan(List.copyOf(features), Set.of(), configurations, Map.of());
    }

    /**
     * The capability features of this plan in the order {@code --cleanup-config} removes their state: the reverse of
     * {@link Feature#CAPABILITIES}, so extensions (DSR, hairpin) go before the proxy they extend.
     */
    public List<String> capabilities() {
        List<String> names = new ArrayList<>(features.stream().map(Feature::name)
                .filter(Feature.CAPABILITIES::contains).toList());
        names.sort(Comparator.comparingInt(Feature.CAPABILITIES::indexOf).reversed());
        return List.copyOf(names);
    }

    private static Map<String, Object> withPort(Map<String, Object> properties, Flag<Long> port) {
        properties.put(port.propertyKey(), 0);
        return properties;
    }

    /**
     * Tells the feature manager where the distribution's feature descriptors and bundles are, so it
     * can install the features this node enables later.
     */
    public void locate(Path featureDescriptors, Path bundles) {
        Map<String, Object> manager = configurations.get(FeatureManager.PID);
        manager.put("features.dir", featureDescriptors.toString());
        manager.put("bundle.dir", bundles.toString());
    }

    /** The planned features and, with {@code --node-capabilities}, every capability feature available. */
    private static List<Feature> configured(List<Feature> planned, Options options, Map<String, Feature> available) {
        List<Feature> configured = new ArrayList<>(planned);
        if (options.get(ExtensionFlags.NODE_CAPABILITIES)) {
            Feature.CAPABILITIES.stream().map(available::get)
                    .filter(f -> f != null && !planned.contains(f)).forEach(configured::add);
        }
        return configured;
    }

    private static Map<String, Object> featureManager(Options options) {
        Map<String, Object> manager = new LinkedHashMap<>();
        manager.put("flag.features", ConfigurationMapper.features(options).toArray(String[]::new));
        manager.put("node.annotation", options.get(ExtensionFlags.NODE_CAPABILITIES) ? FeatureManager.NODE_ANNOTATION
                : "");
        return manager;
    }

    private static Feature require(Map<String, Feature> available, String name) {
        Feature feature = available.get(name);
        if (feature == null) {
            throw new IllegalStateException("the distribution has no features/" + name + ".json");
        }
        return feature;
    }

    private static void merge(Map<String, Map<String, Object>> into, String pid, Map<String, Object> props) {
        into.computeIfAbsent(pid, p -> new LinkedHashMap<>()).putAll(props);
    }

    /**
     * The Web Console's credentials go to its own PID, its address to the HTTP server's framework
     * properties (read before the server first binds, so it never listens anywhere else).
     */
    private static Map<String, String> webConsole(Map<String, Map<String, Object>> configurations) {
        Map<String, Object> console = configurations.remove(WEBCONSOLE_PID);
        if (console == null) {
            return Map.of();
        }
        Map<String, Object> manager = configurations.computeIfAbsent(OSGI_MANAGER_PID, p -> new LinkedHashMap<>());
        manager.put("username", console.get("webconsole.user"));
        manager.put("password", console.get("webconsole.password"));
        return Map.of("org.apache.felix.http.host", String.valueOf(console.get("webconsole.addr")),
                "org.osgi.service.http.port", String.valueOf(console.get("webconsole.port")));
    }
}
