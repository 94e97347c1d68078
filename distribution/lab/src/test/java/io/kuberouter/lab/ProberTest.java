package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProberTest {

    @Test
    void targetsArePodPortsThenClusterIpsThenNodePortsOnEveryNode(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("nodes.yaml"), ScenarioReaderTest.NODE + "---\n"
                + ScenarioReaderTest.NODE.replace("n1", "n2").replace("10.99.0.1", "10.99.0.2"));
        Files.writeString(dir.resolve("svc.yaml"), """
                {apiVersion: v1, kind: Service, metadata: {name: web, namespace: lab},
                 spec: {type: NodePort, clusterIP: 10.96.0.80, ports: [{port: 80, nodePort: 30080}]}}
                """);
        Scenario scenario = Scenario.read(dir);
        LabPod pod = new LabPod("lab", "a", "n1", "krlab-1-0000-pod-lab-a", "10.244.1.2",
                List.of(new Scenario.Port(8080, "TCP"), new Scenario.Port(5353, "UDP")));
        Scenario.Port tcp80 = new Scenario.Port(80, "TCP");
        Scenario.Port nodePort = new Scenario.Port(30080, "TCP");
        assertEquals(List.of(
                new Prober.Target("pod lab/a", "10.244.1.2", new Scenario.Port(8080, "TCP")),
                new Prober.Target("pod lab/a", "10.244.1.2", new Scenario.Port(5353, "UDP")),
                new Prober.Target("service lab/web", "10.96.0.80", tcp80),
                new Prober.Target("nodeport n1", "10.99.0.1", nodePort),
                new Prober.Target("nodeport n2", "10.99.0.2", nodePort)),
                Prober.targets(scenario, List.of(pod)));
    }
}
