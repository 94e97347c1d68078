package io.kuberouter.proxy.nft.it;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static io.kuberouter.proxy.fixture.ServiceBuilder.service;

import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.fixture.SliceBuilder;
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
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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

    private final int services;
    private final int endpoints;
    private final List<Object[]> rows = new ArrayList<>();

    private NftBenchmark(int services, int endpoints) {
        this.services = services;
        this.endpoints = endpoints;
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
            print(ours, theirs, script);
        } finally {
            Files.delete(rules);
        }
    }

    /** Nanos of the first full sync; then the change series and a resync when asked for. */
    private long fullSyncFromEmpty(int changes) throws Exception {
        try (Netns ns = Netns.create()) {
            FakeClusterState cluster = cluster();
            NftNodeProxy proxy = new NftNodeProxy(ns, settings());
            long start = System.nanoTime();
            proxy.start(cluster);
            await(proxy, cluster.revision());
            long total = System.nanoTime() - start;
            check(ns);
            if (changes > 0) {
                changes(proxy, cluster, changes);
                resync(proxy);
            }
            proxy.stop();
            return total;
        }
    }

    private void changes(NftNodeProxy proxy, FakeClusterState cluster, int count) throws Exception {
        Random random = new Random(42);
        int warmUp = count / 4;
        List<Long> latencies = new ArrayList<>();
        long gcBefore = gcMillis();
        for (int i = 0; i < warmUp + count; i++) {
            EndpointSlice changed = slice(random.nextInt(services), random.nextInt(endpoints), 1 + i);
            long start = System.nanoTime();
            await(proxy, cluster.put(changed));
            if (i >= warmUp) {
                latencies.add(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        Collections.sort(latencies);
        for (double p : new double[] {0.5, 0.9, 0.99}) {
            rows.add(new Object[] {"one endpoint changed: p" + Math.round(p * 100),
                    latencies.get((int) Math.ceil(count * p) - 1)});
        }
        rows.add(new Object[] {"one endpoint changed: max", latencies.get(count - 1)});
        rows.add(new Object[] {"  GC time during the " + (warmUp + count) + " changes",
                (gcMillis() - gcBefore) * 1_000_000});
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** A forced full sync on the programmed node (as at start or after a failure): the table rewritten at once. */
    private void resync(NftNodeProxy proxy) throws Exception {
        Instant asked = Instant.now();
        long start = System.nanoTime();
        proxy.controller().requestFullSync();
        while (!lastBeat(proxy).isAfter(asked)) {
            Thread.sleep(5);
        }
        rows.add(new Object[] {"table rewrite, nothing changed (forced full sync)", System.nanoTime() - start});
    }

    private static Instant lastBeat(NftNodeProxy proxy) {
        Instant beat = proxy.controller().heartbeats().controllers().get(0).lastBeat();
        return beat == null ? Instant.MIN : beat;
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
        FakeClusterState cluster = cluster();
        var snapshot = cluster.snapshot();
        NodeContext node = NodeContext.of(snapshot.localNodeObject(), List.of());
        ServiceModelBuilder builder = new ServiceModelBuilder(settings().model());
        DesiredNft desired = new DesiredNft();
        Set<String> changed = new HashSet<>();
        for (int s = 0; s < services; s++) {
            ObjectKey key = new ObjectKey("bench", "svc-" + s);
            desired.put(builder.build(snapshot.services().get(key), snapshot.slicesOf(key), node, ClaimPolicy.NONE),
                    changed);
        }
        return NftScript.full(BaseRules.of(Set.of(IpFamily.IPV4), node.podCidrs(), false), desired.all().values(),
                TableListing.EMPTY);
    }

    private FakeClusterState cluster() {
        FakeClusterState cluster = new FakeClusterState("n1");
        cluster.put(Nodes.node("n1", List.of("10.99.0.1"), List.of("10.244.0.0/24")));
        for (int s = 0; s < services; s++) {
            cluster.put(service("bench", "svc-" + s).clusterIp(vip(s)).port("http", TCP, 80).build(), slice(s, -1, 0));
        }
        return cluster;
    }

    /** The slice of Service {@code s}; endpoint {@code moved} (if any) replaced by generation {@code generation}. */
    private EndpointSlice slice(int s, int moved, int generation) {
        SliceBuilder b = SliceBuilder.slice("bench", "svc-" + s + "-1", "svc-" + s).port("http", TCP, 8080);
        for (int e = 0; e < endpoints; e++) {
            int n = s * endpoints + e;
            b.ready(e == moved ? "10.245." + generation / 250 + "." + (generation % 250 + 1)
                    : "10." + (200 + n / 62500) + "." + n / 250 % 250 + "." + (n % 250 + 1), "n2");
        }
        return b.build();
    }

    private static String vip(int s) {
        return "10.96." + s / 250 + "." + (s % 250 + 1);
    }

    /** Every Service is in the verdict map. */
    private void check(Netns ns) {
        String map = ns.exec("nft", "list", "map", "inet", "kube-router-proxy", "service-ips");
        long elements = map.split(" : goto ", -1).length - 1;
        if (elements != services) {
            throw new IllegalStateException("expected " + services + " map elements, found " + elements);
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

    private void print(List<Long> ours, List<Long> theirs, String script) {
        System.out.printf(Locale.ROOT, "nftables service proxy: %d ClusterIP services x %d endpoints = %d chains, "
                + "%d map elements, %d script lines; %d rounds, fresh netns each%n", services, endpoints,
                services * (1 + endpoints), services, script.lines().count(), ours.size());
        System.out.printf(Locale.ROOT, "%-58s %10s %10s %10s%n", "", "median ms", "min ms", "max ms");
        line("full sync from empty (controller start to programmed)", ours);
        line("nft -f of the same ruleset (process incl.)", theirs);
        rows.forEach(r -> System.out.printf(Locale.ROOT, "%-58s %10.1f%n", r[0], (Long) r[1] / 1e6));
        System.out.printf(Locale.ROOT, "ratio full sync / nft -f (medians): %.2f%n",
                (double) median(ours) / median(theirs));
    }

    private static void line(String name, List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-58s %10.0f %10.0f %10.0f%n", name, median(samples) / 1e6,
                sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    private static long median(List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
