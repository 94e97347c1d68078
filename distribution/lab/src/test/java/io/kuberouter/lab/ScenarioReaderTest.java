package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    static final String NODE = """
            apiVersion: v1
            kind: Node
            metadata: {name: n1}
            spec: {podCIDR: 10.244.1.0/24}
            status: {addresses: [{type: Hostname, address: n1}, {type: InternalIP, address: 10.99.0.1}]}
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheTwoNodeScenario() {
        Scenario scenario = Scenario.read(Path.of("scenarios/two-nodes"));
        assertEquals("two-nodes", scenario.name());
        assertEquals(new Scenario.Node("n2", "10.99.0.2", "10.244.2.0/24"), scenario.node("n2"));
        assertEquals(List.of("lab/a1", "lab/a2", "lab/b1", "lab/b2"),
                scenario.pods().stream().map(Scenario.Pod::id).toList());
        Scenario.Pod a1 = scenario.pods().get(0);
        assertEquals("10.244.1.10", a1.pinnedIp());
        assertNull(scenario.pods().get(1).pinnedIp());
        assertEquals(List.of(new Scenario.Port(8080, "TCP"), new Scenario.Port(5353, "UDP")), a1.ports());
        assertEquals(32, scenario.expected().orElseThrow().probes().size());
        assertTrue(scenario.manifests().stream().noneMatch(m -> m.fileName().equals(Scenario.EXPECTED)));
    }

    @Test
    void servicesDefaultToTcpAndTheirNamespace() throws IOException {
        Files.writeString(dir.resolve("svc.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {clusterIP: 10.96.0.80, ports: [{port: 80, nodePort: 30080}, {port: 53, protocol: UDP}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: headless, namespace: lab}
                spec: {clusterIP: None, ports: [{port: 80}]}
                """);
        List<Scenario.Service> services = Scenario.read(dir).services();
        assertEquals(new Scenario.Service("default", "web", "10.96.0.80", List.of(
                new Scenario.ServicePort(new Scenario.Port(80, "TCP"), 30080),
                new Scenario.ServicePort(new Scenario.Port(53, "UDP"), 0))), services.get(0));
        assertNull(services.get(1).clusterIp());
    }

    @Test
    void aPodOnAnUnknownNodeIsRefused() throws IOException {
        Files.writeString(dir.resolve("n.yaml"), NODE);
        Files.writeString(dir.resolve("p.yaml"), "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {nodeName: n9}}");
        assertEquals("no Node n9 in scenario " + dir.getFileName(),
                assertThrows(IllegalArgumentException.class, () -> Scenario.read(dir)).getMessage());
    }

    @Test
    void aNodeWithoutPodCidrIsRefused() throws IOException {
        Files.writeString(dir.resolve("n.yaml"), NODE.replace("spec: {podCIDR: 10.244.1.0/24}\n", ""));
        assertEquals("Node n1 needs spec.podCIDR and an InternalIP address",
                assertThrows(IllegalArgumentException.class, () -> Scenario.read(dir)).getMessage());
    }

    @Test
    void unreadableYamlNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "kind: [");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.read(dir)).getMessage()
                .startsWith("cannot read manifest " + dir.resolve("bad.yaml")));
    }
}
