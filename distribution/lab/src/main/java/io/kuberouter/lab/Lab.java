package io.kuberouter.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cluster in a box: the nodes of a scenario as network namespaces on a node network, its pods as namespaces
 * attached by the real CNI plugins, a server in each pod, and (unless disabled) one real agent per node against one
 * shared API serving the scenario's manifests.
 * <pre>{@code
 * try (Lab lab = Lab.up(Path.of("lab/scenarios/two-nodes"), LabOptions.defaults().withStaticRoutes(true))) {
 *     Matrix matrix = lab.probe();
 * }
 * }</pre>
 * Contract: needs root. Everything it creates is named {@code krlab-<run>-*} (namespaces) or lives in its run
 * directory; {@link #close()} (also run by a shutdown hook, e.g. on Ctrl-C) ends its processes and deletes its
 * namespaces and run directory. A failing {@link #up} cleans up before it throws. Addresses exist only inside the
 * run's namespaces; nothing in the host's own namespace is touched.
 */
public final class Lab implements AutoCloseable {
    private static final String RESOURCES = "/io/kuberouter/lab/";
    /** A directory to copy each run's {@code logs/} into, under the run id, before the run is removed (the ITs). */
    public static final String KEEP_LOGS_PROPERTY = "kuberouter.lab.keepLogs";

    private final Scenario scenario;
    private final LabOptions options;
    private final RunRecord run;
    private final Created created;
    private final Thread shutdownHook = new Thread(this::close, "krlab-teardown");
    private final long startNanos = System.nanoTime();
    private List<LabNode> nodes = List.of();
    private List<LabPod> pods = List.of();
    private final Map<String, Process> agents = new LinkedHashMap<>();
    private String apiUrl;
    private Path probeScript;
    private Path streamScript;
    private boolean closed;

    private Lab(Scenario scenario, LabOptions options, RunRecord run) {
        this.scenario = scenario;
        this.options = options;
        this.run = run;
        this.created = new Created(run);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Brings up {@code scenarioDir}; throws (after cleaning up) if any part fails to come up. */
    public static Lab up(Path scenarioDir, LabOptions options) throws IOException {
        Scenario scenario = Scenario.read(scenarioDir);
        Path kubeRouter = options.distribution().resolve("bin/kube-router");
        if (!Files.isExecutable(kubeRouter)) {
            throw new IllegalArgumentException("no distribution at " + options.distribution() + " (build it, or set -D"
                    + LabOptions.HOME_PROPERTY + ")");
        }
        Lab lab = new Lab(scenario, options, RunRecord.create(options.workDir()));
        try {
            lab.bringUp();
            return lab;
        } catch (RuntimeException | IOException e) {
            lab.close();
            throw e;
        }
    }

    private void bringUp() throws IOException {
        log("run " + run.id() + ", scenario " + scenario.name() + ", run directory " + run.dir());
        Path logs = Files.createDirectories(run.dir().resolve("logs"));
        Path serverScript = extract("pod-server.py");
        probeScript = extract("probe.py");
        streamScript = extract("stream.py");
        NodeNetwork network = NodeNetwork.create(created, Ipv4Cidr.parse(options.nodeNetwork()));
        nodes = Topology.createNodes(scenario, network, created);
        if (options.staticRoutes()) {
            Topology.addStaticRoutes(nodes);
        }
        Cni cni = Cni.load(options.distribution().resolve("cni/10-kuberouter.conflist"));
        pods = Topology.attachPods(scenario, nodes, cni, created, run.dir().resolve("ipam"));
        log(nodes.size() + " nodes, " + pods.size() + " pods attached" + (options.staticRoutes() ? ", static routes"
                : ""));
        PodServers.start(pods, serverScript, logs, created, options.startTimeout());
        Path manifests = run.dir().resolve("api");
        ApiManifests.write(scenario, pods, nodes, manifests);
        if (options.agents()) {
            apiUrl = ControlPlane.startApi(options.distribution(), network.fabric(), network.fabricAddress(),
                    manifests, logs, created, options.startTimeout());
            ControlPlane.startAgents(options.distribution(), nodes, apiUrl, options.agentArgs(), run.dir(), created,
                    options.startTimeout()).forEach((node, process) -> agents.put(node.name(), process));
            log("API " + apiUrl + " (in namespace " + network.fabric() + "), " + nodes.size() + " agents healthy");
        }
        log("up");
    }

    private Path extract(String name) throws IOException {
        Path target = run.dir().resolve(name);
        try (InputStream in = Lab.class.getResourceAsStream(RESOURCES + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** Probes every pod → target pair once (see {@link Probe}); sources in parallel, bounded by the probe timeout. */
    public Matrix probe() {
        Matrix matrix = Prober.probe(scenario.name(), pods, Prober.targets(scenario, pods), probeScript,
                options.probeTimeout());
        log("probed " + matrix.probes().size() + " pairs");
        return matrix;
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<LabNode> nodes() {
        return nodes;
    }

    public List<LabPod> pods() {
        return pods;
    }

    /** The pod {@code namespace/name}; throws IllegalArgumentException if there is none. */
    public LabPod pod(String id) {
        return pods.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pod " + id));
    }

    /** The node named {@code name}; throws IllegalArgumentException if there is none. */
    public LabNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /**
     * Stops the agent of node {@code name} as a DaemonSet rollout does: SIGTERM (the JVM shuts the framework down,
     * which keeps the dataplane), then waits for its exit (SIGKILL after a grace period). The node's pods stay.
     */
    public void stopAgent(String name) {
        Process process = agents.remove(name);
        if (process == null) {
            throw new IllegalStateException("node " + name + " runs no agent");
        }
        process.destroy();
        Created.awaitOrKill(process.toHandle(), Created.GRACE_MILLIS);
        log("agent of " + name + " exited with " + process.exitValue());
    }

    /** Starts the agent of node {@code name} again, with the lab's arguments, and waits until it is healthy. */
    public void startAgent(String name) {
        LabNode node = node(name);
        if (agents.containsKey(name)) {
            throw new IllegalStateException("node " + name + " runs an agent already");
        }
        Process process = ControlPlane.startAgent(options.distribution(), node, apiUrl, options.agentArgs(),
                run.dir(), created);
        agents.put(name, process);
        ControlPlane.awaitHealthy(node, process, run.dir(), options.startTimeout());
        log("agent of " + name + " healthy");
    }

    /** The Web Console of node {@code name}'s agent (the agents need {@code --webconsole-password=}{@value AgentConsole#PASSWORD}). */
    public AgentConsole console(String name) {
        return new AgentConsole(node(name));
    }

    /** Starts an echo server on port {@code port} of pod {@code pod}, for {@link #holdConnection}. */
    public void serveStream(String pod, int port) {
        LongConnection.serve(pod(pod), port, streamScript, run.dir().resolve("logs"), created, options.startTimeout());
    }

    /**
     * Opens a long-lived TCP connection from pod {@code clientPod} to {@code targetIp}:{@code port}: an echo server's
     * pod IP ({@link #serveStream}) or a VIP leading to one. Throws IllegalStateException if it cannot connect.
     */
    public LongConnection holdConnection(String clientPod, String targetIp, int port) {
        return LongConnection.open(pod(clientPod), targetIp, port, streamScript, run.dir().resolve("logs"), created,
                options.startTimeout());
    }

    /**
     * Adds or replaces {@code fileName} among the API's manifests (applied by the API within a second, as
     * {@code kubectl apply} would), e.g. a NetworkPolicy or an annotated Node.
     */
    public void applyManifest(String fileName, String yaml) throws IOException {
        Path manifests = run.dir().resolve("api");
        Path temporary = Files.writeString(run.dir().resolve(fileName + ".tmp"), yaml);
        Files.move(temporary, manifests.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        log("applied " + fileName);
    }

    /** The shared API's URL, reachable from the node namespaces; empty when the lab runs without agents. */
    public Optional<String> apiUrl() {
        return Optional.ofNullable(apiUrl);
    }

    /** The run id; the run's namespaces are named {@code krlab-<run id>-*}. */
    public String runId() {
        return run.id();
    }

    /** The run directory (logs/, api/, state/, ipam/); deleted by {@link #close()}. */
    public Path runDir() {
        return run.dir();
    }

    /** Ends every process and deletes every namespace and the run directory. Idempotent; never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        created.removeAll();
        keepLogs();
        run.deleteDir();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this is the hook itself running
        }
        log("down");
    }

    private void keepLogs() {
        String keep = System.getProperty(KEEP_LOGS_PROPERTY);
        Path logs = run.dir().resolve("logs");
        if (keep == null || !Files.isDirectory(logs)) {
            return;
        }
        Path target = Path.of(keep, run.id());
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(target);
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            log("logs kept in " + target);
        } catch (IOException e) {
            log("could not keep the logs in " + target + ": " + e.getMessage());
        }
    }

    private void log(String line) {
        options.log().accept(String.format("%6.1f s  %s", (System.nanoTime() - startNanos) / 1e9, line));
    }
}
