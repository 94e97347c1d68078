package io.kuberouter.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.capabilities.Feature;
import io.kuberouter.launcher.flags.CommandLine;
import io.kuberouter.launcher.flags.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan's features and configurations, and what the feature manager is told. */
class LaunchPlanTest {

    private static final Map<String, Feature> DISTRIBUTION = Map.of(
            "core", feature("core", Map.of()),
            "metrics", feature("metrics", Map.of()),
            "dsr", feature("dsr", Map.of("io.kuberouter.dsr", Map.of("tunnel.prefix", "kube-tunnel-"))));

    @Test
    void theFeatureManagerLearnsTheFlagsFeaturesAndNoAnnotationByDefault() {
        LaunchPlan plan = plan("--run-router=false", "--run-firewall=false");
        assertEquals(List.of("core", "dsr", "metrics"), plan.features().stream().map(Feature::name).toList());
        assertEquals(Set.of("hairpin", "proxy"), plan.missing());
        Map<String, Object> manager = plan.configurations().get("io.kuberouter.capabilities");
        assertArrayEquals(new String[] {"core", "metrics", "proxy", "dsr", "hairpin"},
                (String[]) manager.get("flag.features"));
        assertEquals("", manager.get("node.annotation"));
        assertFalse(plan.configurations().containsKey("io.kuberouter.firewall"));
        assertEquals(Map.of("tunnel.prefix", "kube-tunnel-"), plan.configurations().get("io.kuberouter.dsr"));
    }

    @Test
    void withNodeCapabilitiesEveryCapabilityFindsItsConfigurationAhead() {
        LaunchPlan plan = plan("--run-service-proxy=false", "--run-router=false", "--run-firewall=false",
                "--node-capabilities");
        assertEquals(List.of("core", "metrics"), plan.features().stream().map(Feature::name).toList());
        assertEquals("kube-router.io/capabilities",
                plan.configurations().get("io.kuberouter.capabilities").get("node.annotation"));
        assertEquals(Map.of("tunnel.prefix", "kube-tunnel-"), plan.configurations().get("io.kuberouter.dsr"));
        for (String pid : List.of("proxy", "firewall", "router", "lballoc")) {
            assertTrue(plan.configurations().containsKey("io.kuberouter." + pid), pid);
        }
    }

    @Test
    void locateTellsWhereDescriptorsAndBundlesAre() {
        LaunchPlan plan = plan();
        plan.locate(Path.of("/opt/kr/features"), Path.of("/opt/kr/bundle"));
        Map<String, Object> manager = plan.configurations().get("io.kuberouter.capabilities");
        assertEquals("/opt/kr/features", manager.get("features.dir"));
        assertEquals("/opt/kr/bundle", manager.get("bundle.dir"));
    }

    @Test
    void cleanupRunsEveryCapabilityOfTheDistributionWithoutClusterAccessOrEndpoints() {
        Map<String, Feature> distribution = Map.of("core", feature("core", Map.of()),
                "metrics", feature("metrics", Map.of()), "proxy", feature("proxy", Map.of()),
                "firewall", feature("firewall", Map.of()),
                "dsr", feature("dsr", Map.of("io.kuberouter.dsr", Map.of("tunnel.prefix", "kube-tunnel-"))));
        Outcome outcome = CommandLine.parse(List.of("--cleanup-config", "--run-firewall=false", "--metrics-port=9090",
                "--master=https://api.example:6443"));
        LaunchPlan plan = LaunchPlan.forCleanup(assertInstanceOf(Outcome.Run.class, outcome).options(), distribution);

        assertEquals(List.of("core", "metrics", "proxy", "dsr", "firewall"),
                plan.features().stream().map(Feature::name).toList());
        assertEquals(List.of("firewall", "dsr", "proxy"), plan.capabilities(), "extensions before the proxy");
        assertFalse(plan.configurations().containsKey("io.kuberouter.k8s"), "no cluster access, so nothing syncs");
        assertTrue(plan.configurations().containsKey("io.kuberouter.firewall"), "configured whatever --run-* says");
        assertEquals(0, plan.configurations().get("io.kuberouter.health").get("health.port"));
        assertEquals(0, plan.configurations().get("io.kuberouter.metrics").get("metrics.port"));
        assertEquals("", plan.configurations().get("io.kuberouter.capabilities").get("node.annotation"));
        assertEquals(Map.of(), plan.frameworkProperties(), "no Web Console");
    }

    private static LaunchPlan plan(String... flags) {
        Outcome outcome = CommandLine.parse(List.of(flags));
        return LaunchPlan.of(assertInstanceOf(Outcome.Run.class, outcome).options(), DISTRIBUTION);
    }

    private static Feature feature(String name, Map<String, Map<String, Object>> configurations) {
        return new Feature(name, "", List.of(new Feature.BundleRef("io.kuberouter:io.kuberouter." + name, 4)),
                configurations);
    }
}
