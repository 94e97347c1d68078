package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's browser check on the real distribution in the lab (host kernel; run by the distribution module's
 * failsafe): scenario {@code three-nodes-router} (pods a1, b1, c1 on n1, n2, n3; no static routes) plus the
 * Services below, its agents running the nftables service proxy and the router (iBGP full mesh) with the Web
 * Console. Headless Debian chromium, driven through Selenium ({@link LabConsoleBrowser}, in node n1's namespace,
 * where the console listens on loopback), logs in to n1's console and opens the Services page, the BGP page and a
 * Loc-RIB search for b1's address. The rows must be what the lab has: every Service's ClusterIP and NodePort
 * frontends with their endpoints (node, local or not), every other node as an Established peer whose pod CIDR n1
 * received from it, n1's own pod CIDR as a local route. The screenshots go to {@code target/console-screenshots}
 * ({@code -Dconsole.screenshots=DIR} elsewhere); docs/img holds copies.
 */
class ConsoleBrowserLabIT {

    private static final List<String> AGENT_ARGS = List.of("--service-proxy-backend=nftables", "--run-router=true",
            "--run-firewall=false", "--webconsole-password=" + AgentConsole.PASSWORD);
    private static final LabOptions OPTIONS = LabOptions.defaults().withAgentArgs(AGENT_ARGS);
    private static final Path SCENARIO = OPTIONS.distribution().resolve("lab/scenarios/three-nodes-router");
    private static final Duration CONVERGE = Duration.ofSeconds(180);
    private static final Duration BROWSER = Duration.ofSeconds(180);
    private static final String CONSOLE = "http://127.0.0.1:" + AgentConsole.PORT;
    /** The node whose console the browser opens. */
    private static final String NODE = "n1";
    /** The pods' server port (three-nodes-router). */
    private static final int TARGET_PORT = 8080;
    /**
     * web: ClusterIP and NodePort, endpoints on n2 and n3. local: {@code externalTrafficPolicy: Local} with its
     * endpoint on n1, so n1 serves its NodePort. remote-local: the same with its endpoint on n3, so n1 programs no
     * NodePort for it (kube-router's behaviour). empty: no endpoints.
     */
    private static final List<TestService> SERVICES = List.of(
            new TestService("web", "10.96.0.10", 30080, false, List.of("lab/b1", "lab/c1")),
            new TestService("local", "10.96.0.30", 30090, true, List.of("lab/a1")),
            new TestService("remote-local", "10.96.0.31", 30091, true, List.of("lab/c1")),
            new TestService("empty", "10.96.0.50", 0, false, List.of()));

    @Test
    void theServicesAndBgpPagesShowWhatTheLabHas() throws Exception {
        try (Lab lab = Lab.up(SCENARIO, OPTIONS)) {
            lab.applyManifest("20-services.yaml", SERVICES.stream().map(s -> s.yaml(lab))
                    .collect(Collectors.joining("---\n")));
            LabNode n1 = lab.node(NODE);
            List<LabNode> peers = lab.nodes().stream().filter(n -> !n.name().equals(NODE)).toList();
            for (LabNode peer : peers) {
                await("n1 learned " + peer.podCidr() + " over BGP", () -> n1.exec("ip", "route", "show", "proto",
                        "17").contains(peer.podCidr() + " via " + peer.internalIp()));
            }
            await("a1 on n1 reaches web's ClusterIP (b1 on n2 or c1 on n3)", () -> Set.of("b1", "c1").contains(
                    answer(lab.pod("lab/a1"), "10.96.0.10", 80)), () -> n1.exec("ip", "route") + n1.exec("nft", "list",
                    "table", "inet", "kube-router-proxy"));
            Set<String> expectedRows = expectedServiceRows(lab, n1);
            await("n1's proxy programmed every frontend with its endpoints", () -> {
                String page = page(n1, "/system/console/kube-services");
                return page.split("<tr data-service=", -1).length - 1 == expectedRows.size()
                        && SERVICES.stream().allMatch(s -> page.contains(s.clusterIp() + ":"))
                        && SERVICES.stream().flatMap(s -> s.endpoints().stream()).map(lab::pod)
                                .allMatch(p -> page.contains(p.ip() + ":" + TARGET_PORT + ", node " + p.node()));
            }, () -> "expected rows " + expectedRows + ", the page has:\n" + page(n1, "/system/console/kube-services")
                    .replaceAll("<[^>]+>", " ").replaceAll("[ \t]+", " ").replaceAll("\n\\s*\n+", "\n"));

            Path screenshots = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"))
                    .toAbsolutePath();
            LabPod b1 = lab.pod("lab/b1");
            List<String> seen = browse(lab, n1, screenshots, "services=kube-services", "bgp",
                    "bgp-search=bgp?q=" + b1.ip());
            String all = String.join("\n", seen);

            assertTrue(seen.contains("TITLE services Apache Felix Web Console - Services"), all);
            assertEquals(expectedRows, seen.stream().filter(l -> l.startsWith("ROW services "))
                    .map(ConsoleBrowserLabIT::withSortedEndpoints).collect(Collectors.toSet()), all);
            for (LabNode peer : peers) {
                assertTrue(seen.stream().anyMatch(l -> l.startsWith("ROW bgp " + peer.internalIp() + " | ")
                        && l.contains(" | ESTABLISHED | ")), "peer " + peer.name() + " Established:\n" + all);
                assertTrue(seen.stream().anyMatch(l -> l.startsWith("ROW bgp " + peer.podCidr() + " | "
                        + peer.internalIp() + " | ") && l.endsWith(" | " + peer.internalIp())),
                        peer.name() + "'s pod CIDR received from it:\n" + all);
            }
            assertTrue(seen.stream().anyMatch(l -> l.startsWith("ROW bgp " + n1.podCidr() + " | " + n1.internalIp()
                    + " | (local AS) | ") && l.endsWith(" | local")), "n1's own pod CIDR:\n" + all);
            assertEquals(List.of("ROW bgp-search " + lab.node(b1.node()).podCidr()), seen.stream()
                    .filter(l -> l.startsWith("ROW bgp-search 10.244.")).map(l -> l.split(" \\|")[0]).toList(), all);
            for (String page : List.of("services", "bgp", "bgp-search")) {
                assertTrue(Files.size(screenshots.resolve("console-" + page + ".png")) > 10_000, page);
            }
        }
    }

    /**
     * The Services rows node {@code node} must show (endpoints sorted): per Service its ClusterIP, and its NodePort
     * on the node's InternalIP unless the Service is {@code externalTrafficPolicy: Local} without an endpoint there;
     * an endpoint as {@code IP:PORT, node NAME}, plus {@code (local)} on its own node.
     */
    private static Set<String> expectedServiceRows(Lab lab, LabNode node) {
        Set<String> rows = new HashSet<>();
        for (TestService service : SERVICES) {
            List<LabPod> endpoints = service.endpoints().stream().map(lab::pod).toList();
            rows.add(service.row(service.clusterIp() + ":80/TCP (CLUSTER_IP)", endpoints, node));
            List<LabPod> local = endpoints.stream().filter(p -> p.node().equals(node.name())).toList();
            if (service.nodePort() != 0 && (!service.externalLocal() || !local.isEmpty())) {
                rows.add(service.row(node.internalIp() + ":" + service.nodePort() + "/TCP (NODE_PORT)",
                        service.externalLocal() ? local : endpoints, node));
            }
        }
        return rows;
    }

    /** The row with its endpoints (one per line in the cell, joined by ';') sorted: the proxy's order is its own. */
    private static String withSortedEndpoints(String row) {
        String[] cells = row.split(" \\| ", -1);
        cells[5] = Stream.of(cells[5].split(";")).sorted().collect(Collectors.joining(";"));
        return String.join(" | ", cells);
    }

    /** A Service of the test on port 80 (http, TCP) to the pods' {@link #TARGET_PORT}, and its EndpointSlice. */
    private record TestService(String name, String clusterIp, int nodePort, boolean externalLocal,
            List<String> endpoints) {

        String yaml(Lab lab) {
            String service = """
                    apiVersion: v1
                    kind: Service
                    metadata: {name: %s, namespace: lab}
                    spec:
                      type: %s
                      clusterIP: %s
                      clusterIPs: [%s]
                      externalTrafficPolicy: %s
                      ports: [{name: http, protocol: TCP, port: 80, targetPort: %d%s}]
                    """.formatted(name, nodePort == 0 ? "ClusterIP" : "NodePort", clusterIp, clusterIp,
                    externalLocal ? "Local" : "Cluster", TARGET_PORT, nodePort == 0 ? "" : ", nodePort: " + nodePort);
            if (endpoints.isEmpty()) {
                return service;
            }
            return service + """
                    ---
                    apiVersion: discovery.k8s.io/v1
                    kind: EndpointSlice
                    metadata: {name: %s-1, namespace: lab, labels: {kubernetes.io/service-name: %s}}
                    addressType: IPv4
                    ports: [{name: http, protocol: TCP, port: %d}]
                    endpoints:
                    """.formatted(name, name, TARGET_PORT) + endpoints.stream().map(lab::pod)
                    .map(p -> "  - {addresses: [" + p.ip() + "], nodeName: " + p.node()
                            + ", conditions: {ready: true, serving: true, terminating: false}}\n")
                    .collect(Collectors.joining());
        }

        /** The page's row, as {@link LabConsoleBrowser} prints it, for {@code frontend} on {@code node}. */
        String row(String frontend, List<LabPod> pods, LabNode node) {
            String cell = pods.isEmpty() ? "none (connections are refused)" : pods.stream()
                    .map(p -> p.ip() + ":" + TARGET_PORT + ", node " + p.node()
                            + (p.node().equals(node.name()) ? " (local)" : ""))
                    .sorted().collect(Collectors.joining(";"));
            return "ROW services lab/" + name + " | http | " + frontend + " | rr | NAT | " + cell + " | -";
        }
    }

    /**
     * Runs {@link LabConsoleBrowser} in a JVM of its own inside {@code node}'s namespace (chromedriver and chromium
     * are its children there); returns its TITLE and ROW lines. HOME and the temporary directory (chromium's profile)
     * point into the run directory, so whatever chromium writes goes with the lab.
     */
    private static List<String> browse(Lab lab, LabNode node, Path screenshots, String... pages) throws Exception {
        Path home = Files.createDirectories(lab.runDir().resolve("browser-home"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // setpriv --pdeathsig: the browser's JVM goes with this one even if it dies without cleaning up
        List<String> command = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "--"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command.addAll(Shell.inNetns(node.netns(), List.of(java, "-Duser.home=" + home, "-Djava.io.tmpdir=" + home,
                "-cp", classPath, LabConsoleBrowser.class.getName(), CONSOLE, "admin", AgentConsole.PASSWORD,
                screenshots.toString())));
        command.addAll(List.of(pages));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TMPDIR", home.toString());
        Path log = lab.runDir().resolve("logs/browser.log");
        Process browser = builder.redirectOutput(log.toFile()).start();
        try {
            if (!browser.waitFor(BROWSER.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the browser did not finish in " + BROWSER + ":\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, browser.exitValue(), output);
            try (Stream<String> lines = output.lines()) {
                return lines.filter(l -> l.startsWith("ROW ") || l.startsWith("TITLE ")).toList();
            }
        } finally {
            browser.destroyForcibly();
            browser.waitFor();
        }
    }

    /** The console page at {@code path}, fetched with curl inside the node's namespace ("" while it fails). */
    private static String page(LabNode node, String path) {
        Shell.Result result = Shell.run(Shell.inNetns(node.netns(), List.of("curl", "-sS", "--fail", "-m", "10",
                "-u", "admin:" + AgentConsole.PASSWORD, CONSOLE + path)), Map.of(), "");
        return result.exitCode() == 0 ? result.stdout() : "";
    }

    /** The first line a TCP server at {@code ip}:{@code port} sends pod {@code from} ("" when none answers). */
    private static String answer(LabPod from, String ip, int port) {
        Shell.Result result = Shell.run(Shell.inNetns(from.netns(), List.of("python3", "-c",
                "import socket,sys\ns=socket.create_connection((sys.argv[1],int(sys.argv[2])),2)\ns.settimeout(2)\n"
                        + "print(s.recv(100).decode().strip())", ip, String.valueOf(port))), Map.of(), "");
        return result.exitCode() == 0 ? result.stdout().strip() : "";
    }

    private static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    /** As {@link #await(String, BooleanSupplier)}; a timeout's message ends with {@code state}, for the diagnosis. */
    private static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plus(CONVERGE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + CONVERGE.toSeconds() + " s waiting for: " + what + "\n"
                        + state.get());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
