package io.kuberouter.proxy.ipvs.it;


import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.proxy.fixture.BenchTable;
import io.kuberouter.proxy.fixture.BenchWorkload;
import io.kuberouter.proxy.fixture.FakeClusterState;
import io.kuberouter.proxy.ipvs.kernel.IpvsOwnership;
import io.kuberouter.proxy.ipvs.kernel.ProxyOptions;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import io.kuberouter.proxy.model.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private final BenchWorkload workload;
    private final BenchTable table = new BenchTable();

    private ProxyBenchmark(int services, int endpoints) {
        this.workload = new BenchWorkload(services, endpoints);
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
            table.series("full sync from empty (everything, controller start to programmed)", ours);
            table.series("  of which IPVS batches (Ipvs.apply)", ipvsOnly);
            table.series("ipvsadm -R of the same IPVS rules (process incl.)", theirs);
            table.print(String.format(Locale.ROOT, "Service proxy: %d ClusterIP services x %d endpoints = %d IPVS "
                    + "objects, %d VIPs; %d rounds, fresh netns each", workload.services(), workload.endpoints(),
                    workload.objects(), workload.services(), rounds), "ratio full sync / ipvsadm -R", ours, theirs);
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
            FakeClusterState cluster = workload.cluster();
            NodeProxy proxy = new NodeProxy(ns, settings());
            long start = System.nanoTime();
            proxy.start(cluster);
            await(proxy, cluster.revision());
            long total = System.nanoTime() - start;
            check(ns);
            if (changes > 0) {
                table.changes(workload, cluster, revision -> await(proxy, revision), changes);
                resync(proxy);
            }
            proxy.stop();
            return new long[] {total, proxy.ipvs.applyNanos()};
        }
    }

    /** A periodic full sync on the programmed node: reads everything back, finds nothing to write. */
    private void resync(NodeProxy proxy) throws Exception {
        int written = proxy.ipvs.written();
        long took = BenchTable.fullSync(proxy.controller()::requestFullSync, proxy.controller()::heartbeats);
        table.figure("full resync, nothing to change (" + (proxy.ipvs.written() - written) + " writes)", took);
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
            check(ns);
            return took;
        }
    }

    private List<String> ipvsadmRules() {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < workload.services(); s++) {
            String vip = BenchWorkload.vip(s);
            lines.add("-A -t " + vip + ":80 -s rr");
            for (String ep : workload.endpointsOf(s)) {
                lines.add("-a -t " + vip + ":80 -r " + ep + ":8080 -m -w 1");
            }
        }
        return lines;
    }

    private void check(Netns ns) {
        long lines = ns.exec("ipvsadm", "-Sn").lines().count();
        if (lines != workload.objects()) {
            throw new IllegalStateException("expected " + workload.objects() + " IPVS objects, found " + lines);
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
                IpvsOwnership.everything(List.of()), new IpvsTimeouts(0, 0, 0));
        return new ProxySettings(model, kernel, Duration.ofHours(1));
    }
}
