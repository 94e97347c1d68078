package io.kuberouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real distribution's processes: one shared API ({@code bin/standalone-api}) in the fabric namespace on the node
 * network, and one agent ({@code bin/kube-router}) per node in the node's namespace, pointed at that API.
 */
final class ControlPlane {
    /** The API's port on the fabric address. */
    static final int API_PORT = 8080;
    /** Each agent's health port, in its own node namespace. */
    static final int HEALTH_PORT = 20244;
    /** kube-router's environment variable naming the CNI conf file its router edits. */
    static final String CNI_CONF_ENV = "KUBE_ROUTER_CNI_CONF_FILE";
    private static final String API_READY = "standalone API server on ";

    private ControlPlane() {
    }

    /** Starts the API serving (and following) {@code manifests}; returns its URL once it serves. */
    static String startApi(Path home, String fabric, String address, Path manifests, Path logDir, Created created,
            Duration timeout) {
        Path log = logDir.resolve("api.log");
        List<String> command = List.of(home.resolve("bin/standalone-api").toString(), manifests.toString(),
                Integer.toString(API_PORT), address);
        Process process = created.process(Shell.start(Shell.inNetns(fabric, command), log));
        Readiness.await("the API", process, log, timeout, () -> Readiness.logHasLine(log, API_READY));
        return "http://" + address + ":" + API_PORT;
    }

    /** Starts an agent per node, in parallel, then waits until each answers 200 on /healthz; returns them by node. */
    static Map<LabNode, Process> startAgents(Path home, List<LabNode> nodes, String apiUrl, List<String> agentArgs,
            Path runDir, Created created, Duration timeout) {
        Map<LabNode, Process> agents = new LinkedHashMap<>();
        for (LabNode node : nodes) {
            agents.put(node, startAgent(home, node, apiUrl, agentArgs, runDir, created));
        }
        agents.forEach((node, process) -> awaitHealthy(node, process, runDir, timeout));
        return agents;
    }

    /** Starts the agent of {@code node} (its log appended to the node's agent log) without waiting for it. */
    static Process startAgent(Path home, LabNode node, String apiUrl, List<String> agentArgs, Path runDir,
            Created created) {
        List<String> command = new ArrayList<>(List.of("env", CNI_CONF_ENV + "=" + cniConf(home, runDir, node),
                home.resolve("bin/kube-router").toString(),
                "--master=" + apiUrl, "--hostname-override=" + node.name(),
                "--state-dir=" + runDir.resolve("state").resolve(node.name()),
                "--health-port=" + HEALTH_PORT));
        command.addAll(agentArgs);
        return created.process(Shell.start(Shell.inNetns(node.netns(), command), agentLog(runDir, node)));
    }

    /**
     * The node's own copy of the project's CNI conflist, {@code state/<node>/10-kuberouter.conflist}, which the
     * agent's router edits (kube-router's {@code KUBE_ROUTER_CNI_CONF_FILE}) instead of the host's
     * {@code /etc/cni/net.d}. The lab's CNI runs use their own conflist.
     */
    static Path cniConf(Path home, Path runDir, LabNode node) {
        Path conf = runDir.resolve("state").resolve(node.name()).resolve("10-kuberouter.conflist");
        try {
            if (!Files.exists(conf)) {
                Files.createDirectories(conf.getParent());
                Files.copy(home.resolve("cni/10-kuberouter.conflist"), conf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + conf, e);
        }
        return conf;
    }

    /** Waits until the agent {@code process} of {@code node} answers 200 on /healthz. */
    static void awaitHealthy(LabNode node, Process process, Path runDir, Duration timeout) {
        Readiness.await("agent of node " + node.name(), process, agentLog(runDir, node), timeout,
                () -> healthy(node));
    }

    private static Path agentLog(Path runDir, LabNode node) {
        return runDir.resolve("logs").resolve("agent-" + node.name() + ".log");
    }

    private static boolean healthy(LabNode node) {
        return Shell.run(Shell.inNetns(node.netns(), List.of("curl", "-sf", "-o", "/dev/null", "-m", "1",
                "http://127.0.0.1:" + HEALTH_PORT + "/healthz")), Map.of(), "").exitCode() == 0;
    }
}
