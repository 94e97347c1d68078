package io.kuberouter.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to run a lab.
 *
 * @param distribution the assembled distribution directory (bin/kube-router, bin/standalone-api, cni/)
 * @param workDir where the run directory {@code krlab-<run>/} goes (logs, API manifests, agent state, IPAM)
 * @param staticRoutes add a route on each node to every other node's pod CIDR (until the router capability does)
 * @param agents run the shared API and one agent per node (false: network and pods only)
 * @param agentArgs extra kube-router flags for every agent (the lab sets --master, --hostname-override,
 *     --state-dir and --health-port itself)
 * @param nodeNetwork the node network, its highest host address is the API's; a Node's InternalIP outside it puts the node on a routed /24 subnet (see NodeNetwork)
 * @param startTimeout how long each server, the API and each agent may take to become ready
 * @param probeTimeout per probe: for the connection, and again for the answer
 * @param log progress lines
 */
public record LabOptions(Path distribution, Path workDir, boolean staticRoutes, boolean agents,
        List<String> agentArgs, String nodeNetwork, Duration startTimeout, Duration probeTimeout,
        Consumer<String> log) {

    /** System property naming the distribution directory (bin/kube-router sets it for its own JVM too). */
    public static final String HOME_PROPERTY = "kuberouter.home";
    /** Where the build assembles the distribution, relative to the source tree's root. */
    public static final String BUILT_DISTRIBUTION = "distribution/target/kube-router";

    public LabOptions {
        agentArgs = List.copyOf(agentArgs);
    }

    /**
     * The distribution from {@value #HOME_PROPERTY}, else the nearest {@value #BUILT_DISTRIBUTION} in or above the
     * working directory (any module of the source tree; also inside a UML guest, which keeps the working directory
     * but not system properties); work dir {@code java.io.tmpdir}; no static routes; agents on; node network
     * 10.99.0.0/24; 300 s to start (an agent in a loaded user-mode-linux guest needs minutes); 1 s probes; progress to stderr.
     */
    public static LabOptions defaults() {
        return new LabOptions(defaultDistribution(), Path.of(System.getProperty("java.io.tmpdir")), false, true,
                List.of(), "10.99.0.0/24", Duration.ofSeconds(300), Duration.ofSeconds(1),
                line -> System.err.println("lab: " + line));
    }

    private static Path defaultDistribution() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null) {
            return Path.of(home);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(BUILT_DISTRIBUTION))) {
                return dir.resolve(BUILT_DISTRIBUTION);
            }
        }
        return cwd.resolve(BUILT_DISTRIBUTION);
    }

    public LabOptions withDistribution(Path value) {
        return new LabOptions(value, workDir, staticRoutes, agents, agentArgs, nodeNetwork, startTimeout,
                probeTimeout, log);
    }

    public LabOptions withWorkDir(Path value) {
        return new LabOptions(distribution, value, staticRoutes, agents, agentArgs, nodeNetwork, startTimeout,
                probeTimeout, log);
    }

    public LabOptions withStaticRoutes(boolean value) {
        return new LabOptions(distribution, workDir, value, agents, agentArgs, nodeNetwork, startTimeout,
                probeTimeout, log);
    }

    public LabOptions withAgents(boolean value) {
        return new LabOptions(distribution, workDir, staticRoutes, value, agentArgs, nodeNetwork, startTimeout,
                probeTimeout, log);
    }

    public LabOptions withAgentArgs(List<String> value) {
        return new LabOptions(distribution, workDir, staticRoutes, agents, value, nodeNetwork, startTimeout,
                probeTimeout, log);
    }

    public LabOptions withLog(Consumer<String> value) {
        return new LabOptions(distribution, workDir, staticRoutes, agents, agentArgs, nodeNetwork, startTimeout,
                probeTimeout, value);
    }
}
