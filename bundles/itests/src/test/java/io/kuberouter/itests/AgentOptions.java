package io.kuberouter.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.cm.ConfigurationAdminOptions.newConfiguration;

import io.kuberouter.capabilities.Feature;
import io.kuberouter.launcher.LaunchPlan;
import io.kuberouter.launcher.flags.CommandLine;
import io.kuberouter.launcher.flags.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.cm.ConfigurationOption;

/**
 * The agent as the launcher would run it for a kube-router command line, as pax-exam options:
 * the launcher's own {@link LaunchPlan} decides the features, the configurations and the
 * framework properties. Bundles come from the feature descriptors: ours from the reactor's
 * {@code target/bundles}, third-party ones from the local repository at this pom's versions.
 */
final class AgentOptions {

    /**
     * pax-exam runs in the host's root network namespace: the capabilities that program the kernel
     * stay off unless a test turns them on explicitly (a later flag wins), the router (BGP speaker,
     * routes, rules, tunnels) included. The launcher's "nothing to run" exit lives in its Main, which
     * pax-exam does not use, so the agent still starts with core and metrics.
     */
    private static final List<String> HOST_SAFE_FLAGS = List.of("--run-service-proxy=false", "--run-firewall=false",
            "--run-router=false");

    private AgentOptions() {
    }

    /**
     * The bundles of features, without their configurations: their components stay unsatisfied,
     * so nothing touches the kernel, while the bundles must still resolve and start.
     */
    static List<Option> bundlesOf(String... featureNames) throws IOException {
        Map<String, Feature> features = features(Path.of(System.getProperty("itest.features")));
        List<Option> options = new ArrayList<>();
        for (String name : featureNames) {
            features.get(name).bundles().forEach(b -> options.add(provision(b)));
        }
        return options;
    }

    /**
     * Everything a pax-exam test of the agent needs: the test platform, the test's own options,
     * and the agent as the launcher would run it for {@code flags}.
     */
    static Option[] agent(List<Option> testOptions, String... flags) throws IOException {
        return agent(Path.of(System.getProperty("itest.features")), Path.of(System.getProperty("itest.bundles")),
                testOptions, flags);
    }

    /**
     * As {@link #agent(List, String...)} for a distribution whose feature descriptors are in
     * {@code featuresDir} and whose bundles, for the features the node enables later, are in
     * {@code bundleDir}.
     */
    static Option[] agent(Path featuresDir, Path bundleDir, List<Option> testOptions, String... flags)
            throws IOException {
        List<Option> options = new ArrayList<>(List.of(
                junitBundles(),
                // no class from the test class path may leak into bundles (stack.md pitfall 7)
                frameworkProperty("felix.bootdelegation.implicit").value("false"),
                // Gogo must not read stdin: surefire talks to the test JVM through it
                frameworkProperty("gosh.args").value("--nointeractive"),
                mavenBundle("org.ops4j.pax.exam", "pax-exam-cm").versionAsInProject().startLevel(2)));
        options.addAll(testOptions);
        options.addAll(forFlags(featuresDir, bundleDir, flags));
        return options.toArray(Option[]::new);
    }

    private static List<Option> forFlags(Path featuresDir, Path bundleDir, String... flags) throws IOException {
        List<String> arguments = new ArrayList<>(HOST_SAFE_FLAGS);
        arguments.addAll(List.of(flags));
        Outcome outcome = CommandLine.parse(arguments);
        if (!(outcome instanceof Outcome.Run run)) {
            throw new IllegalArgumentException("flags not accepted: " + outcome);
        }
        LaunchPlan plan = LaunchPlan.of(run.options(), features(featuresDir));
        plan.locate(featuresDir, bundleDir);
        List<Option> options = new ArrayList<>();
        plan.features().forEach(f -> f.bundles().forEach(b -> options.add(provision(b))));
        plan.configurations().forEach((pid, props) -> {
            ConfigurationOption option = newConfiguration(pid);
            props.forEach(option::put);
            options.add(option.asOption());
        });
        plan.frameworkProperties().forEach((k, v) -> options.add(frameworkProperty(k).value(v)));
        // as the launcher's Agent does: the console and shell read the feature descriptors there
        options.add(frameworkProperty("kuberouter.features.dir").value(featuresDir.toString()));
        return options;
    }

    private static Option provision(Feature.BundleRef ref) {
        String group = ref.id().substring(0, ref.id().indexOf(':'));
        if ("io.kuberouter".equals(group)) {
            Path jar = Path.of(System.getProperty("itest.bundles"), ref.artifactId() + ".jar");
            return bundle(jar.toUri().toString()).startLevel(ref.startLevel());
        }
        return mavenBundle(group, ref.artifactId()).versionAsInProject().startLevel(ref.startLevel());
    }

    private static Map<String, Feature> features(Path featuresDir) throws IOException {
        Map<String, Feature> features = new HashMap<>();
        Feature.readAll(featuresDir).forEach(f -> features.put(f.name(), f));
        return features;
    }
}
