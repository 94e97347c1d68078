package io.kuberouter.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark of the router capability (not a test): for each node count, ROUNDS times, brings up that many nodes on
 * one subnet with an agent each (router only, no static routes) and measures the time from the last agent answering
 * 200 on {@code /healthz} ("last node up") until every node's kernel holds an injected route (protocol 0x11) to
 * every other node's pod CIDR. Prints a table. Needs root and the built distribution.
 *
 * <pre>java -cp 'distribution/target/kube-router/lib/lab/*' io.kuberouter.lab.RouterConvergence [ROUNDS] NODES...</pre>
 */
public final class RouterConvergence {

    private static final List<String> AGENT_ARGS = List.of("--run-service-proxy=false", "--run-firewall=false",
            "--enable-cni=false", "--enable-pod-egress=false", "--cache-sync-timeout=10m");
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private RouterConvergence() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[0]) : 1;
        List<Integer> counts = new ArrayList<>();
        for (int i = args.length > 1 ? 1 : 0; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        if (counts.isEmpty()) {
            counts = List.of(3, 10);
        }
        System.out.println("| nodes | round | lab up, all agents healthy | last node up -> all pod routes in all kernels "
                + "| first node converged |");
        System.out.println("|---|---|---|---|---|");
        for (int nodes : counts) {
            for (int round = 1; round <= rounds; round++) {
                String row;
                try {
                    row = measure(nodes, round);
                } catch (IllegalStateException e) {
                    row = "| " + nodes + " | " + round + " | lab failed: " + e.getMessage().lines().findFirst()
                            .orElse("") + " | | |";
                }
                System.out.println(row);
            }
        }
    }

    private static String measure(int count, int round) throws IOException, InterruptedException {
        Path scenario = Files.createTempDirectory("router-bench-scenario");
        try {
            Files.writeString(scenario.resolve("00-nodes.yaml"), RouterScenario.nodes(count));
            LabOptions defaults = LabOptions.defaults();
            LabOptions options = new LabOptions(defaults.distribution(), defaults.workDir(), false, true, AGENT_ARGS,
                    defaults.nodeNetwork(), Duration.ofMinutes(10), defaults.probeTimeout(), defaults.log());
            long start = System.nanoTime();
            try (Lab lab = Lab.up(scenario, options)) {
                long up = System.nanoTime();
                Map<String, Long> converged = new HashMap<>();
                while (converged.size() < count) {
                    for (LabNode node : lab.nodes()) {
                        if (!converged.containsKey(node.name()) && node.exec("ip", "route", "show", "proto", "17")
                                .lines().filter(l -> l.startsWith("10.244.")).count() == count - 1) {
                            converged.put(node.name(), System.nanoTime());
                        }
                    }
                    if (System.nanoTime() - up > LIMIT.toNanos()) {
                        return "| " + count + " | " + round + " | " + seconds(up - start) + " | not converged after "
                                + LIMIT.toMinutes() + " min (" + converged.size() + " nodes) | |";
                    }
                    Thread.sleep(50);
                }
                long last = converged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                long first = converged.values().stream().mapToLong(Long::longValue).min().orElseThrow();
                return "| " + count + " | " + round + " | " + seconds(up - start) + " | " + seconds(last - up) + " | "
                        + seconds(first - up) + " |";
            }
        } finally {
            try (var files = Files.list(scenario)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scenario);
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }

    /** Scenario manifests: node {@code nI} at 10.99.0.I with pods 10.244.I.0/24. */
    static final class RouterScenario {
        private RouterScenario() {
        }

        static String nodes(int count) {
            StringBuilder yaml = new StringBuilder();
            for (int i = 1; i <= count; i++) {
                yaml.append(i > 1 ? "---\n" : "").append("""
                        apiVersion: v1
                        kind: Node
                        metadata:
                          name: n%1$d
                          labels: {kubernetes.io/hostname: n%1$d}
                        spec:
                          podCIDR: 10.244.%1$d.0/24
                          podCIDRs: [10.244.%1$d.0/24]
                        status:
                          addresses:
                            - {type: InternalIP, address: 10.99.0.%1$d}
                            - {type: Hostname, address: n%1$d}
                        """.formatted(i));
            }
            return yaml.toString();
        }
    }
}
