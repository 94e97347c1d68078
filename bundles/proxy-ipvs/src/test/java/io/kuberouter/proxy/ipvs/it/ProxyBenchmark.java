package io.kuberouter.proxy.ipvs.it;

import static io.kuberouter.api.cluster.Protocol.TCP;
import static io.kuberouter.proxy.fixture.ServiceBuilder.service;

import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.fixture.Nodes;
import io.kuberouter.proxy.fixture.SliceBuilder;
import io.kuberouter.proxy.ipvs.kernel.ProxyOptions;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import io.kuberouter.proxy.model.Settings;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The proxy at scale in the UML guest (the host has no IPVS): S ClusterIP Services × E endpoints synced from
 * empty by the real controller (builder, reconciler, netlink, ipset, iptables-legacy), next to
 * {@code ipvsadm -R} of the same IPVS rules, each round in fresh namespaces, the two alternating; then, on the
 * programmed node, C/4 unmeasured then C measured single-endpoint changes (each awaited until programmed, 20 ms
 * apart) and one full resync
 * with nothing to change. Prints a table. Run it with {@code src/test/bench/proxy-benchmark.sh}.
 *
 * <pre>usage: ProxyBenchmark [services=5000] [endpoints=10] [rounds=3] [changes=200]</pre>
 */
public final class ProxyBenchmark {

    private static final Duration WAIT = Duration.ofMinutes(10);

    private final int services;
    private final int endpoints;
    private final List<Object[]> rows = new ArrayList<>();

    private ProxyBenchmark(int services, int endpoints) {
        this.services = services;
        this.endpoints = endpoints;
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int endpoints = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int changes = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        new ProxyBenchmark(services, endpoints).run(rounds, changes);
    }

    private void run(int rounds, int changes) throws Exception {
        Path rules = Files.createTempFile("proxy-bench-", ".rules");
        try {
            Files.write(rules, ipvsadmRules());
            List<Long> ours = new ArrayList<>();
            List<Long> ipvsOnly = new ArrayList<>();
            List<Long> theirs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                if (round % 2 == 0) {
                    theirs.add(ipvsadmRestore(rules));
                }
                long[] sync = fullSyncFromEmpty(round == rounds ? changes : 0);
                ours.add(sync[0]);
                ipvsOnly.add(sync[1]);
                if (round % 2 == 1) {
                    theirs.add(ipvsadmRestore(rules));
                }
                System.err.printf("round %d of %d done%n", round, rounds);
            }
            print(ours, ipvsOnly, theirs);
        } finally {
            Files.delete(rules);
        }
    }

    /** {total nanos, IPVS batch nanos} of the first full sync; then the change series when asked for. */
    private long[] fullSyncFromEmpty(int changes) throws Exception {
        try (Netns ns = Netns.create()) {
            ns.ip("link", "add", "eth0", "type", "dummy");
            ns.ip("addr", "add", "10.99.0.1/24", "dev", "eth0");
            ns.ip("link", "set", "eth0", "up");
            FakeClusterState cluster = cluster();
            NodeProxy proxy = new NodeProxy(ns, settings());
            long start = System.nanoTime();
            proxy.start(cluster);
            await(proxy, cluster.revision());
            long total = System.nanoTime() - start;
            check(ns, services * (1 + endpoints));
            if (changes > 0) {
                changes(proxy, cluster, changes);
                resync(proxy);
            }
            proxy.stop();
            return new long[] {total, proxy.ipvs.applyNanos()};
        }
    }

    /** {@code count} measured changes after {@code count / 4} unmeasured ones (JIT warm-up on the guest's one CPU). */
    private void changes(NodeProxy proxy, FakeClusterState cluster, int count) throws Exception {
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
        rows.add(new Object[] {"  GC time during the " + (warmUp + count) + " changes", (gcMillis() - gcBefore) * 1_000_000});
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** A periodic full sync on the programmed node: reads everything back, finds nothing to write. */
    private void resync(NodeProxy proxy) throws Exception {
        int written = proxy.ipvs.written();
        Instant asked = Instant.now();
        long start = System.nanoTime();
        proxy.controller().requestFullSync();
        while (!lastBeat(proxy).isAfter(asked)) {
            Thread.sleep(5);
        }
        rows.add(new Object[] {"full resync, nothing to change (" + (proxy.ipvs.written() - written) + " writes)",
                System.nanoTime() - start});
    }

    private static Instant lastBeat(NodeProxy proxy) {
        Instant beat = proxy.controller().heartbeats().controllers().get(0).lastBeat();
        return beat == null ? Instant.MIN : beat;
    }

    private long ipvsadmRestore(Path rules) throws IOException, InterruptedException {
        try (Netns ns = Netns.create()) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "ipvsadm", "-R")
                    .redirectInput(rules.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ipvsadm -R exited with " + p.exitValue());
            }
            long took = System.nanoTime() - start;
            check(ns, services * (1 + endpoints));
            return took;
        }
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

    private List<String> ipvsadmRules() {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            lines.add("-A -t " + vip(s) + ":80 -s rr");
            for (String ep : slice(s, -1, 0).endpoints().stream().flatMap(e -> e.addresses().stream()).toList()) {
                lines.add("-a -t " + vip(s) + ":80 -r " + ep + ":8080 -m -w 1");
            }
        }
        return lines;
    }

    private static void check(Netns ns, int objects) {
        long lines = ns.exec("ipvsadm", "-Sn").lines().count();
        if (lines != objects) {
            throw new IllegalStateException("expected " + objects + " IPVS objects, found " + lines);
        }
    }

    private static void await(NodeProxy proxy, long revision) throws InterruptedException {
        if (!proxy.controller().awaitApplied(revision, WAIT)) {
            throw new IllegalStateException("revision " + revision + " not programmed within " + WAIT);
        }
    }

    private static ProxySettings settings() {
        Settings model = new Settings(Set.of(IpFamily.IPV4), List.of(IpPrefix.parse("10.96.0.0/12")), List.of(),
                List.of(), true, false);
        ProxyOptions kernel = new ProxyOptions(Set.of(IpFamily.IPV4), false, true, false, Duration.ofSeconds(30),
                List.of(), new IpvsTimeouts(0, 0, 0));
        return new ProxySettings(model, kernel, Duration.ofHours(1));
    }

    private void print(List<Long> ours, List<Long> ipvsOnly, List<Long> theirs) {
        System.out.printf(Locale.ROOT, "Service proxy: %d ClusterIP services x %d endpoints = %d IPVS objects, "
                + "%d VIPs; %d rounds, fresh netns each%n", services, endpoints, services * (1 + endpoints), services,
                ours.size());
        System.out.printf(Locale.ROOT, "%-58s %10s %10s %10s%n", "", "median ms", "min ms", "max ms");
        line("full sync from empty (everything, controller start to programmed)", ours);
        line("  of which IPVS batches (Ipvs.apply)", ipvsOnly);
        line("ipvsadm -R of the same IPVS rules (process incl.)", theirs);
        rows.forEach(r -> System.out.printf(Locale.ROOT, "%-58s %10.1f%n", r[0], (Long) r[1] / 1e6));
        System.out.printf(Locale.ROOT, "ratio full sync / ipvsadm -R (medians): %.2f%n",
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
