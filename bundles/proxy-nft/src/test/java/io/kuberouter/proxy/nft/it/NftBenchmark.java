package io.kuberouter.proxy.nft.it;


import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.proxy.fixture.BenchTable;
import io.kuberouter.proxy.fixture.BenchWorkload;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.model.ClaimPolicy;
import io.kuberouter.proxy.model.NodeContext;
import io.kuberouter.proxy.model.ServiceModelBuilder;
import io.kuberouter.proxy.model.Settings;
import io.kuberouter.proxy.nft.plan.BaseRules;
import io.kuberouter.proxy.nft.plan.DesiredNft;
import io.kuberouter.proxy.nft.plan.NftScript;
import io.kuberouter.proxy.nft.plan.TableListing;
import io.kuberouter.proxy.nft.sync.NftSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The nftables proxy at scale on the host kernel: S ClusterIP Services × E endpoints synced from empty by the real
 * controller (builder, translation, one {@code nft -f} transaction) in a fresh namespace, next to {@code nft -f} of
 * the same ruleset into another fresh namespace, the two alternating; then, on the programmed node, C/4 unmeasured
 * and C measured single-endpoint changes (each awaited until programmed, 20 ms apart) and one forced table rewrite
 * with nothing changed. Prints a table. Run it with {@code src/test/bench/nft-benchmark.sh}.
 *
 * <pre>usage: NftBenchmark [services=5000] [endpoints=10] [rounds=3] [changes=200]</pre>
 */
public final class NftBenchmark {

    private static final Duration WAIT = Duration.ofMinutes(10);

    private final BenchWorkload workload;
    private final BenchTable table = new BenchTable();

    private NftBenchmark(int services, int endpoints) {
        this.workload = new BenchWorkload(services, endpoints);
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int endpoints = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int changes = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        new NftBenchmark(services, endpoints).run(rounds, changes);
    }

    private void run(int rounds, int changes) throws Exception {
        Path rules = Files.createTempFile("nft-bench-", ".nft");
        try {
            String script = ruleset();
            Files.writeString(rules, script);
            List<Long> ours = new ArrayList<>();
            List<Long> theirs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                if (round % 2 == 0) {
                    theirs.add(nftFile(rules));
                }
                ours.add(fullSyncFromEmpty(round == rounds ? changes : 0));
                if (round % 2 == 1) {
                    theirs.add(nftFile(rules));
                }
                System.err.printf("round %d of %d done%n", round, rounds);
            }
            table.series("full sync from empty (controller start to programmed)", ours);
            table.series("nft -f of the same ruleset (process incl.)", theirs);
            table.print(String.format(Locale.ROOT, "nftables service proxy: %d ClusterIP services x %d endpoints = "
                    + "%d chains, %d map elements, %d script lines; %d rounds, fresh netns each", workload.services(),
                    workload.endpoints(), workload.objects(), workload.services(), script.lines().count(), rounds),
                    "ratio full sync / nft -f", ours, theirs);
        } finally {
            Files.delete(rules);
        }
    }

    /** Nanos of the first full sync; then the change series and a forced table rewrite when asked for. */
    private long fullSyncFromEmpty(int changes) throws Exception {
        try (Netns ns = Netns.create()) {
            FakeClusterState cluster = workload.cluster();
            NftNodeProxy proxy = new NftNodeProxy(ns, settings());
            long start = System.nanoTime();
            proxy.start(cluster);
            await(proxy, cluster.revision());
            long total = System.nanoTime() - start;
            check(ns);
            if (changes > 0) {
                table.changes(workload, cluster, revision -> await(proxy, revision), changes);
                // as at start or after a failure: the table rewritten at once
                table.figure("table rewrite, nothing changed (forced full sync)",
                        BenchTable.fullSync(proxy.controller()::requestFullSync, proxy.controller()::heartbeats));
            }
            proxy.stop();
            return total;
        }
    }

    private long nftFile(Path rules) throws IOException, InterruptedException {
        try (Netns ns = Netns.create()) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "nft", "-f", rules.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("nft -f exited with " + p.exitValue());
            }
            long took = System.nanoTime() - start;
            check(ns);
            return took;
        }
    }

    /** The ruleset the controller writes on an empty node, built by the same pure code outside the controller. */
    private String ruleset() {
        var snapshot = workload.cluster().snapshot();
        NodeContext node = NodeContext.of(snapshot.localNodeObject(), List.of());
        ServiceModelBuilder builder = new ServiceModelBuilder(settings().model());
        DesiredNft desired = new DesiredNft();
        Set<String> changed = new HashSet<>();
        for (int s = 0; s < workload.services(); s++) {
            ObjectKey key = new ObjectKey("bench", "svc-" + s);
            desired.put(builder.build(snapshot.services().get(key), snapshot.slicesOf(key), node, ClaimPolicy.NONE),
                    changed);
        }
        return NftScript.full(BaseRules.of(Set.of(IpFamily.IPV4), node.podCidrs(), false), desired.all().values(),
                TableListing.EMPTY);
    }

    /** Every Service is in the verdict map. */
    private void check(Netns ns) {
        String map = ns.exec("nft", "list", "map", "inet", "kube-router-proxy", "service-ips");
        long elements = map.split(" : goto ", -1).length - 1;
        if (elements != workload.services()) {
            throw new IllegalStateException("expected " + workload.services() + " map elements, found " + elements);
        }
    }

    private static void await(NftNodeProxy proxy, long revision) throws InterruptedException {
        if (!proxy.controller().awaitApplied(revision, WAIT)) {
            throw new IllegalStateException("revision " + revision + " not programmed within " + WAIT);
        }
    }

    private static NftSettings settings() {
        return new NftSettings(Settings.defaults(), false, Duration.ofHours(1));
    }
}
