package io.kuberouter.launcher.flags;

import io.kuberouter.capabilities.Feature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns accepted {@link Options} into the features to install and the ConfigAdmin configurations to create.
 * Pure: the same options always give the same result.
 */
public final class ConfigurationMapper {

    /** Upstream's log line when no controller is enabled; it then exits with status 0. */
    public static final String NOTHING_TO_RUN_MESSAGE =
            "Router, Firewall or Service proxy functionality must be specified. Exiting!";

    private ConfigurationMapper() {
    }

    /**
     * Upstream's rule: none of {@code --run-router}, {@code --run-firewall}, {@code --run-service-proxy} is on
     * ({@code --run-loadbalancer} alone is not enough). The caller then logs {@link #NOTHING_TO_RUN_MESSAGE} and
     * exits 0. Never true with {@code --node-capabilities}: the Node may enable capabilities later.
     */
    public static boolean nothingToRun(Options options) {
        return !options.get(ExtensionFlags.NODE_CAPABILITIES) && !options.get(GeneralFlags.RUN_ROUTER)
                && !options.get(GeneralFlags.RUN_FIREWALL) && !options.get(GeneralFlags.RUN_SERVICE_PROXY);
    }

    /**
     * Whether a controller may run on this node: its {@code --run-*} flag is on, or {@code --node-capabilities}
     * lets the Node enable it later. Its configuration is then written and its flags are checked.
     */
    public static boolean mayRun(Options options, Flag<Boolean> runFlag) {
        return options.get(runFlag) || options.get(ExtensionFlags.NODE_CAPABILITIES);
    }

    /**
     * The features to install: {@code core} and {@code metrics} always; {@code proxy}, {@code dsr}, {@code hairpin}
     * with {@code --run-service-proxy}; {@code firewall} with {@code --run-firewall}; {@code router} (the BGP speaker
     * is part of it) with {@code --run-router}; {@code lballoc} with {@code --run-loadbalancer}; {@code webconsole}
     * when a Web Console password is set.
     *
     * @return an unmodifiable set, in that order
     */
    public static Set<String> features(Options options) {
        Set<String> features = new LinkedHashSet<>(List.of("core", "metrics"));
        if (options.get(GeneralFlags.RUN_SERVICE_PROXY)) {
            features.addAll(List.of("proxy", "dsr", "hairpin"));
        }
        if (options.get(GeneralFlags.RUN_FIREWALL)) {
            features.add("firewall");
        }
        if (options.get(GeneralFlags.RUN_ROUTER)) {
            features.add("router");
        }
        if (options.get(GeneralFlags.RUN_LOADBALANCER)) {
            features.add("lballoc");
        }
        if (!options.webConsolePassword().isEmpty()) {
            features.add("webconsole");
        }
        return Collections.unmodifiableSet(features);
    }

    /**
     * One configuration per {@link ConfigurationPid} whose feature is enabled, or, with {@code --node-capabilities},
     * is a capability feature ({@link Feature#CAPABILITIES}) the Node may enable later; in declaration order, with
     * one property per flag it receives (key: {@link Flag#propertyKey()}, value: see {@link PropertyValues}). Of the
     * two proxy backends' configurations only the one {@code --service-proxy-backend} chooses is produced
     * ({@link ServiceProxyBackend#resolve}), so one backend runs.
     */
    public static List<ConfigurationSpec> configurations(Options options) {
        Set<String> features = new LinkedHashSet<>(features(options));
        if (options.get(ExtensionFlags.NODE_CAPABILITIES)) {
            features.addAll(Feature.CAPABILITIES);
        }
        if (!features.contains(ConfigurationPid.PROXY.feature())) {
            return configurations(options, features);
        }
        ConfigurationPid unused = ServiceProxyBackend.NFTABLES.equals(ServiceProxyBackend.resolve(options))
                ? ConfigurationPid.PROXY : ConfigurationPid.PROXY_NFT;
        return configurations(options, features).stream().filter(c -> !c.pid().equals(unused.pid())).toList();
    }

    /**
     * One configuration per {@link ConfigurationPid} whose feature is one of {@code features}, whatever the
     * {@code --run-*} flags say (e.g. {@code --cleanup-config} configures every capability), with the flags' values.
     */
    public static List<ConfigurationSpec> configurations(Options options, Collection<String> features) {
        List<ConfigurationSpec> configurations = new ArrayList<>();
        for (ConfigurationPid pid : ConfigurationPid.values()) {
            if (features.contains(pid.feature())) {
                configurations.add(new ConfigurationSpec(pid.pid(), properties(pid, options)));
            }
        }
        return List.copyOf(configurations);
    }

    private static Map<String, Object> properties(ConfigurationPid pid, Options options) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Flag<?> flag : pid.flags()) {
            properties.put(flag.propertyKey(), PropertyValues.of(flag, options));
        }
        return properties;
    }
}
