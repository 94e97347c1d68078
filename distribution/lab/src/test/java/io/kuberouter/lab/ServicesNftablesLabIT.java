package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service proxy's nftables backend on the real distribution in the lab (host kernel): scenario
 * {@code services-nftables} probed from every pod against its expected matrix — ClusterIP (TCP and UDP) from both
 * nodes, NodePort on both nodes, {@code externalTrafficPolicy: Local} served only where the endpoint lives, a Service
 * without endpoints refused. The agents answer {@code /healthz} before their first sync, so the matrix is awaited.
 */
class ServicesNftablesLabIT {
    private static final LabOptions OPTIONS = LabOptions.defaults().withStaticRoutes(true).withAgentArgs(List.of(
            "--service-proxy-backend=nftables", "--run-router=false"));
    private static final Path SCENARIO = OPTIONS.distribution().resolve("lab/scenarios/services-nftables");
    private static final Duration FIRST_SYNC = Duration.ofSeconds(180);

    @Test
    void everyPodReachesTheServicesAsExpected() throws IOException {
        try (Lab lab = Lab.up(SCENARIO, OPTIONS)) {
            Matrix expected = lab.scenario().expected().orElseThrow();
            long deadline = System.nanoTime() + FIRST_SYNC.toNanos();
            Matrix matrix = lab.probe();
            while (!matrix.differences(expected).isEmpty() && System.nanoTime() < deadline) {
                matrix = lab.probe();
            }
            assertEquals(List.of(), matrix.differences(expected), matrix.table());
        }
    }
}
