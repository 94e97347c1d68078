package io.kuberouter.firewall.bench;

import io.kuberouter.api.cluster.Pod;
import io.kuberouter.firewall.FirewallOwnership;
import io.kuberouter.firewall.fixture.ClusterObjects;
import io.kuberouter.firewall.fixture.FakeClusterState;
import io.kuberouter.firewall.sync.FirewallController;
import io.kuberouter.kernel.harness.Netns;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Change → enforced latency on the running controller: each change is put into the cluster state, and the time
 * until the kernel holds a state built from it is measured ({@link FirewallController#awaitApplied}), after
 * {@value #WARMUP} pods were added and deleted to warm up.
 */
final class LatencyBench {

    static final int CHANGES = 200;
    /** Changes made before measuring, so the JIT and the caches are warm (steady state). */
    static final int WARMUP = 50;

    private final BenchCluster shape;
    private final FakeClusterState cluster;

    LatencyBench(BenchCluster shape, FakeClusterState cluster) {
        this.shape = shape;
        this.cluster = cluster;
    }

    void run() throws Exception {
        try (Netns ns = Netns.create()) {
            BenchKernel kernel = new BenchKernel(ns, new Recording());
            FirewallController controller = new FirewallController(FirewallBench.settings(), Duration.ofMinutes(5),
                    FirewallOwnership.OWNERSHIP, Clock.systemUTC());
            controller.bindIptables(kernel.iptables());
            controller.bindIpsets(kernel.ipsets());
            controller.start();
            controller.bindCluster(cluster);
            await(controller, cluster.revision());
            for (int i = 0; i < WARMUP; i++) {
                Pod pod = shape.pod(i % 100, 2000 + i, 5000 + 20 * i);
                await(controller, cluster.put(pod));
                await(controller, cluster.delete(pod.kind(), pod.key()));
            }
            List<Long> adds = measure(controller, i -> cluster.put(localPod(i)));
            List<Long> labels = measure(controller, i -> cluster.put(ClusterObjects.relabel(localPod(i),
                    "app=app" + (i + 3) % 10, "tier=web")));
            List<Long> removes = measure(controller, i -> cluster.delete(localPod(i).kind(), localPod(i).key()));
            controller.stop();
            percentiles("local pod add → enforced", adds);
            percentiles("pod label change → enforced", labels);
            percentiles("local pod delete → enforced", removes);
        }
    }

    /** New pod i: namespace i % 100, on the local node (cluster-wide index a multiple of the node count). */
    private Pod localPod(int i) {
        return shape.pod(i % 100, 1000 + i, 5000 + 20 * i);
    }

    private interface Change {
        long apply(int i);
    }

    private static List<Long> measure(FirewallController controller, Change change) throws InterruptedException {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            long t0 = System.nanoTime();
            long revision = change.apply(i);
            await(controller, revision);
            out.add(System.nanoTime() - t0);
        }
        return out;
    }

    private static void await(FirewallController controller, long revision) throws InterruptedException {
        if (!controller.awaitApplied(revision, Duration.ofMinutes(2))) {
            throw new IllegalStateException("revision " + revision + " not applied");
        }
    }

    private static void percentiles(String what, List<Long> nanos) {
        List<Long> s = nanos.stream().sorted().toList();
        System.out.printf("| %s, %d changes: p50 / p90 / p99 / max | %.0f / %.0f / %.0f / %.0f ms |%n", what,
                s.size(), ms(s, 0.50), ms(s, 0.90), ms(s, 0.99), s.get(s.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1) / 1e6;
    }
}
