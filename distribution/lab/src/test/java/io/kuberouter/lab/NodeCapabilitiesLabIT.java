package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Issue #11, per-node enablement on the real distribution in the lab (host kernel): agents that follow their Node's
 * {@code kube-router.io/capabilities} annotation and run no capability by flags. Annotating n1 with
 * {@code proxy,dsr} installs and starts the service proxy (the nftables backend here) and DSR on n1 only: n1's pods
 * reach a ClusterIP, n2's do not, n2's bundles stay exactly as they were. Removing the annotation uninstalls them
 * again, and the proxy's table goes with them (a stop for good).
 */
class NodeCapabilitiesLabIT {
    private static final Path SCENARIO = LabOptions.defaults().distribution().resolve("lab/scenarios/two-nodes");
    private static final List<String> AGENT_ARGS = List.of("--run-firewall=false", "--run-service-proxy=false",
            "--run-router=false", "--node-capabilities", "--service-proxy-backend=nftables",
            "--webconsole-password=" + AgentConsole.PASSWORD);
    private static final String ANNOTATION = "kube-router.io/capabilities";
    private static final List<String> ENABLED_BUNDLES = List.of("io.kuberouter.proxy.nft", "io.kuberouter.dsr");
    private static final String VIP = "10.96.0.80";
    private static final Duration SETTLE = Duration.ofSeconds(180);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** ClusterIP {@value #VIP}:80 to b1's server on 8080 (b1 lives on n2). */
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: lab}
            spec:
              clusterIP: 10.96.0.80
              clusterIPs: [10.96.0.80]
              ports: [{name: http, protocol: TCP, port: 80, targetPort: 8080}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1, namespace: lab, labels: {kubernetes.io/service-name: web}}
            addressType: IPv4
            ports: [{name: http, protocol: TCP, port: 8080}]
            endpoints:
              - addresses: [10.244.2.10]
                conditions: {ready: true, serving: true, terminating: false}
                nodeName: n2
            """;

    @Test
    void anAnnotationEnablesTheProxyAndDsrOnThatNodeOnlyAndItsRemovalTakesThemAway() throws IOException {
        try (Lab lab = Lab.up(SCENARIO, LabOptions.defaults().withStaticRoutes(true).withAgentArgs(AGENT_ARGS))) {
            lab.applyManifest("91-service.yaml", SERVICE);
            Map<String, String> n1Before = lab.console("n1").bundles();
            Map<String, String> n2Before = lab.console("n2").bundles();
            ENABLED_BUNDLES.forEach(b -> assertFalse(n1Before.containsKey(b), n1Before.toString()));
            assertEquals(Optional.empty(), answer(lab, "lab/a1"), "a ClusterIP answered with no proxy anywhere");

            annotate(lab, "n1", "proxy,dsr");
            Map<String, String> n1With = awaitBundles(lab, "n1",
                    b -> ENABLED_BUNDLES.stream().allMatch(e -> b.getOrDefault(e, "").startsWith("Active")));
            n1Before.forEach((bundle, state) -> assertEquals(state, n1With.get(bundle), "n1's " + bundle));
            assertEquals(Optional.of("b1"), await(() -> answer(lab, "lab/a1"), Optional.of("b1")::equals),
                    "n1's pod through n1's new proxy");
            assertEquals(Optional.empty(), answer(lab, "lab/b2"), "n2's pod reached the ClusterIP without a proxy");
            assertEquals(n2Before, lab.console("n2").bundles(), "n2's bundles changed");

            annotate(lab, "n1", null);
            assertEquals(n1Before, awaitBundles(lab, "n1", n1Before::equals), "n1's bundles after the removal");
            assertFalse(lab.node("n1").exec("nft", "list", "tables").contains("kube-router-proxy"),
                    "the proxy's table outlived its bundle");
            assertEquals(Optional.empty(), answer(lab, "lab/a1"), "the ClusterIP answered after the proxy went");
            assertEquals(n2Before, lab.console("n2").bundles(), "n2's bundles changed");
        }
    }

    /** The name the ClusterIP's backend answers to {@code pod}, or empty if nothing answers within a second. */
    private static Optional<String> answer(Lab lab, String pod) {
        Shell.Result result = Shell.run(Shell.inNetns(lab.pod(pod).netns(), List.of(PodServers.PYTHON, "-c",
                "import socket; s = socket.create_connection(('" + VIP + "', 80), timeout=1);"
                        + " print(s.recv(64).decode().strip())")), Map.of(), "");
        return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /** Rewrites the API's Node {@code node} with the capabilities annotation (removed when {@code value} is null). */
    private static void annotate(Lab lab, String node, String value) throws IOException {
        Path file = lab.runDir().resolve("api/00-nodes.yaml");
        List<ObjectNode> nodes;
        try (MappingIterator<ObjectNode> read = YAML.readerFor(ObjectNode.class).readValues(file.toFile())) {
            nodes = read.readAll();
        }
        StringBuilder yaml = new StringBuilder();
        for (ObjectNode object : nodes) {
            if (node.equals(object.path("metadata").path("name").asString())) {
                ObjectNode annotations = object.withObject("metadata").withObject("annotations");
                if (value == null) {
                    annotations.remove(ANNOTATION);
                } else {
                    annotations.put(ANNOTATION, value);
                }
            }
            yaml.append("---\n").append(YAML.writeValueAsString(object).replaceFirst("^---\\s*\\n", ""));
        }
        lab.applyManifest("00-nodes.yaml", yaml.toString());
    }

    private static Map<String, String> awaitBundles(Lab lab, String node, Predicate<Map<String, String>> done) {
        Map<String, String> bundles = await(() -> lab.console(node).bundles(), done);
        assertTrue(done.test(bundles), node + "'s bundles: " + bundles);
        return bundles;
    }

    private static <T> T await(Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = value.get();
        }
        return current;
    }
}
