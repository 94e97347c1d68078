package io.kuberouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.harness.Kernel;
import io.kuberouter.kernel.harness.KernelTest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The router's ipip overlay, in a user-mode-linux guest (the host kernel has no ipip): n1 on 10.99.0.0/24 and n2 on
 * the routed subnet 10.98.0.0/24 learn each other's pod CIDR over iBGP; the next hop being in another subnet, each
 * creates an ipip link {@code tun-*} to the other (local = its IP, remote = the other's), routes the pod CIDR through
 * it (protocol 0x11, src = its IP), puts the next hop in table 77 behind {@code from <own pod CIDR> lookup 77}, and
 * the pods reach each other through the tunnel. Run by the distribution module's failsafe.
 */
@KernelTest(requires = Kernel.IPIP, memory = "2G", timeoutSeconds = 1500)
class RouterSubnetsLabIT {

    private static final Duration CONVERGE = Duration.ofSeconds(240);

    @Test
    void nodesInTwoSubnetsReachEachOtherOverIpipTunnels() throws Exception {
        LabOptions defaults = LabOptions.defaults();
        // the guest has one CPU for the API, two agents and this JVM: generous start and convergence limits
        LabOptions options = new LabOptions(defaults.distribution(), defaults.workDir(), false, true,
                List.of("--run-service-proxy=false", "--run-firewall=false", "--enable-cni=false",
                        "--enable-pod-egress=false", "--cache-sync-timeout=10m"), defaults.nodeNetwork(),
                Duration.ofMinutes(8),
                defaults.probeTimeout(), defaults.log());
        try (Lab lab = Lab.up(options.distribution().resolve("lab/scenarios/two-subnets-router"), options)) {
            LabNode n1 = lab.nodes().get(0);
            LabNode n2 = lab.nodes().get(1);
            await(lab, "n1's route to n2's pods",
                    () -> n1.exec("ip", "route", "show", "proto", "17").contains("10.244.2.0/24"));
            await(lab, "n2's route to n1's pods",
                    () -> n2.exec("ip", "route", "show", "proto", "17").contains("10.244.1.0/24"));

            String tunnel = n1.exec("ip", "-d", "-o", "link", "show", "type", "ipip");
            assertTrue(tunnel.contains("tun-") && tunnel.contains("remote 10.98.0.2") && tunnel.contains("local 10.99.0.1"),
                    tunnel);
            String route = n1.exec("ip", "route", "show", "proto", "17");
            assertTrue(route.matches("(?s).*10\\.244\\.2\\.0/24 dev tun-[0-9a-f]{11} .*src 10\\.99\\.0\\.1.*"), route);
            assertTrue(n1.exec("ip", "route", "show", "table", "77").contains("10.98.0.2 dev tun-"));
            assertTrue(n1.exec("ip", "rule").contains("from 10.244.1.0/24 lookup 77"));
            assertTrue(n2.exec("ip", "-d", "-o", "link", "show", "type", "ipip").contains("remote 10.99.0.1"));

            List<String> failed = new ArrayList<>();
            Matrix matrix = lab.probe();
            for (Probe probe : matrix.probes()) {
                if (!probe.result().equals(probe.target().substring("pod lab/".length()))) {
                    failed.add(probe.key() + ": " + probe.result());
                }
            }
            assertEquals(List.of(), failed, matrix.table());
        }
    }

    /** Waits for {@code condition}; on timeout the error carries each node's routes, links and agent log tail. */
    private static void await(Lab lab, String what, BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(CONVERGE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                StringBuilder state = new StringBuilder();
                for (LabNode node : lab.nodes()) {
                    List<String> log = Files.readAllLines(lab.runDir().resolve("logs/agent-" + node.name() + ".log"));
                    state.append("\n== ").append(node.name()).append('\n').append(node.exec("ip", "route"))
                            .append(node.exec("ip", "-d", "link")).append(String.join("\n",
                                    log.subList(Math.max(0, log.size() - 40), log.size())));
                }
                throw new AssertionError("timed out after " + CONVERGE.toSeconds() + " s waiting for " + what + state);
            }
            Thread.sleep(500);
        }
    }
}
