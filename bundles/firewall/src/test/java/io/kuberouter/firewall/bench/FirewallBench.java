package io.kuberouter.firewall.bench;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.FirewallOwnership;
import io.kuberouter.firewall.build.FirewallBuilder;
import io.kuberouter.firewall.build.Settings;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.kernel.FirewallReconciler;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.FamilyState;
import io.kuberouter.firewall.sync.FirewallMetrics;
import io.kuberouter.kernel.harness.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark of the firewall at 1 000 policies and 5 000 pods ({@link BenchCluster}: 100 namespaces × 50 pods, 10
 * policies each, 20 nodes so 250 pods are local), IPv4, inside fresh network namespaces deleted at the end:
 * <ol>
 * <li>the pure build, median of {@value #RUNS} runs;</li>
 * <li>a full sync into an empty namespace (build, read the kernel, ipset and iptables restores) next to the raw
 * tools ({@code ipset restore}, {@code iptables-restore --noflush}) fed the same inputs in another empty
 * namespace, and a full re-sync of the populated namespace (the periodic sync);</li>
 * <li>pod add → enforced: {@value LatencyBench#CHANGES} local pods added one at a time to the running controller,
 * each timed from the cluster change to the end of the sync that wrote it; the same for label changes.</li>
 * </ol>
 * Prints Markdown. Not a test: {@code mvn -pl bundles/firewall -Pbench verify} (root; see the pom). Arguments
 * ({@code build}, {@code full}, {@code latency}) select sections; none runs all.
 */
public final class FirewallBench {

    static final int RUNS = 5;
    static final int WARMUPS = 2;

    private FirewallBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchCluster shape = new BenchCluster(100, 50, 20);
        FakeClusterState cluster = new FakeClusterState(BenchCluster.LOCAL_NODE);
        shape.populate(cluster, 10);
        ClusterSnapshot snapshot = cluster.snapshot();
        DesiredState desired = FirewallBuilder.build(snapshot, settings(), null, "1");
        System.out.println(describe(snapshot, desired));
        List<String> sections = args.length == 0 ? List.of("build", "full", "latency") : List.of(args);
        System.out.println("| measurement | median (min) |\n|---|---|");
        if (sections.contains("build")) {
            row("build (pure)", time(() -> FirewallBuilder.build(snapshot, settings(), null, "2")));
        }
        if (sections.contains("full")) {
            fullSyncs(snapshot);
        }
        if (sections.contains("latency")) {
            new LatencyBench(shape, cluster).run();
        }
    }

    static Settings settings() {
        return new Settings(List.of(IpFamily.IPV4), List.of("10.96.0.0/12"), List.of(), List.of(), "30000-32767",
                false);
    }

    private static void fullSyncs(ClusterSnapshot snapshot) throws Exception {
        List<Long> ours = new ArrayList<>();
        List<Long> resync = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        Recording recording = new Recording();
        for (int i = 0; i < WARMUPS + RUNS; i++) {
            recording.clear();
            try (Netns ns = Netns.create()) {
                BenchKernel kernel = new BenchKernel(ns, recording);
                FirewallReconciler reconciler = new FirewallReconciler(FirewallOwnership.OWNERSHIP, new FirewallMetrics());
                long t0 = System.nanoTime();
                reconciler.apply(kernel.iptables(), kernel.ipsets(),
                        FirewallBuilder.build(snapshot, settings(), null, "3" + i), null);
                long t1 = System.nanoTime();
                List<Recording.Restore> restores = recording.restores();
                reconciler.apply(kernel.iptables(), kernel.ipsets(),
                        FirewallBuilder.build(snapshot, settings(), null, "4" + i), null);
                long t2 = System.nanoTime();
                if (i >= WARMUPS) {
                    ours.add(t1 - t0);
                    resync.add(t2 - t1);
                    raw.add(rawRestores(restores, kernel));
                }
            }
        }
        row("full sync into an empty netns (build + save + restores)", ours);
        row("raw ipset restore + iptables-restore of the same inputs", raw);
        row("periodic full re-sync of the populated netns", resync);
        System.out.printf("| ratio full sync / raw tools | %.2f |%n", (double) median(ours) / median(raw));
    }

    /** Replays the recorded restores with the raw tools in a fresh namespace; returns the time taken. */
    private static long rawRestores(List<Recording.Restore> restores, BenchKernel like) throws Exception {
        Path dir = Files.createTempDirectory("krfwbench");
        try (Netns ns = Netns.create()) {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < restores.size(); i++) {
                files.add(Files.writeString(dir.resolve("restore-" + i), restores.get(i).input()));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < restores.size(); i++) {
                like.raw(ns, restores.get(i), files.get(i));
            }
            return System.nanoTime() - t0;
        } finally {
            try (var list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String describe(ClusterSnapshot snapshot, DesiredState desired) {
        FamilyState v4 = desired.family(IpFamily.IPV4);
        long entries = v4.ipsets().values().stream().mapToLong(s -> s.entries().size()).sum();
        long rules = v4.chains().stream().mapToLong(c -> c.rules().size()).sum();
        return String.format("%d policies, %d pods (%d local), %d namespaces: %d ipsets with %d entries, "
                + "%d chains with %d rules%n", snapshot.networkPolicies().size(), snapshot.pods().size(),
                v4.versioned().keySet().stream().filter(k -> k.kind().name().equals("POD")).count(),
                snapshot.namespaces().size(), v4.ipsets().size(), entries, v4.chains().size(), rules);
    }

    interface Task {
        void run() throws Exception;
    }

    static List<Long> time(Task task) throws Exception {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < WARMUPS + RUNS; i++) {
            long t0 = System.nanoTime();
            task.run();
            if (i >= WARMUPS) {
                out.add(System.nanoTime() - t0);
            }
        }
        return out;
    }

    static long median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void row(String what, List<Long> nanos) {
        long min = nanos.stream().mapToLong(Long::longValue).min().orElse(0);
        System.out.printf("| %s | %d ms (%d) |%n", what, median(nanos) / 1_000_000, min / 1_000_000);
    }
}
