package io.kuberouter.kernel.exec.it;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IpsetBatch;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.exec.netfilter.ExecIpsets;
import io.kuberouter.kernel.exec.netfilter.ExecIptables;
import io.kuberouter.kernel.exec.syntax.IpsetEditor;
import io.kuberouter.kernel.exec.syntax.IptablesSave;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the kernel-exec batch runners against the raw tools fed the same files, inside a fresh
 * network namespace (deleted at the end): a 100k-entry ipset replace (temp set + swap) and a 30k-rule
 * kube-proxy-shaped {@code nat} table restore with both iptables backends, plus save + parse. Prints a
 * Markdown table of the median and minimum wall-clock time of {@value #RUNS} runs after
 * {@value #WARMUPS} warm-ups.
 * Not a test: run it with {@code mvn -pl bundles/kernel-exec -Pbench verify} (see the pom).
 */
public final class KernelBench {

    private static final int RUNS = 7;
    private static final int WARMUPS = 3;
    private static final int SERVICES = 968;

    /** One measured task; {@code reset} runs untimed before each repetition. */
    private interface Step {
        void run() throws Exception;
    }

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("krbench");
        try (TestNetns ns = TestNetns.create()) {
            KernelBench bench = new KernelBench();
            bench.ipset(ns, dir);
            for (IptablesBackend b : IptablesBackend.values()) {
                bench.iptables(ns, dir, b);
            }
            System.out.println("| operation | raw tool median (min) | kernel-exec median (min) |");
            System.out.println("|---|---|---|");
            bench.rows.forEach(System.out::println);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private void ipset(TestNetns ns, Path dir) throws Exception {
        String script = new IpsetBatch().replace(IpsetRestoreIT.bigSet("bench"),
                IpsetRestoreIT.addresses(0, 100_000)).script();
        Path file = Files.writeString(dir.resolve("ipset.txt"), script);
        ExecIpsets ipsets = new ExecIpsets(ns.runner(), Duration.ofMinutes(5));
        ipsets.restore(script);
        row("ipset restore, replace 100k entries (temp + swap)",
                time(() -> raw(file, "ip", "netns", "exec", ns.name(), "ipset", "restore", "-exist")),
                time(() -> ipsets.restore(script)));
        row("ipset save + parse, 100k entries",
                time(() -> raw(null, "ip", "netns", "exec", ns.name(), "ipset", "save")),
                time(() -> IpsetEditor.parseSave(ipsets.save())));
        ipsets.restore("destroy bench\n");
    }

    private void iptables(TestNetns ns, Path dir, IptablesBackend backend) throws Exception {
        String text = kubeProxyNat();
        Path file = Files.writeString(dir.resolve("nat.txt"), text);
        ExecIptables iptables = new ExecIptables(ns.runner(), backend, Duration.ofMinutes(5), 60);
        String tool = "iptables-" + backend.name().toLowerCase(Locale.ROOT);
        Step flush = () -> iptables.restore(AddressFamily.INET, "nat", "*nat\nCOMMIT\n", false);
        row(tool + "-restore, nat table of " + text.lines().filter(l -> l.startsWith("-A")).count() + " rules",
                time(flush, () -> raw(file, "ip", "netns", "exec", ns.name(), tool + "-restore", "--wait=60", "-T",
                        "nat")),
                time(flush, () -> iptables.restore(AddressFamily.INET, "nat", text, false)));
        iptables.restore(AddressFamily.INET, "nat", text, false);
        row(tool + "-save + parse, same table",
                time(() -> raw(null, "ip", "netns", "exec", ns.name(), tool + "-save", "-t", "nat")),
                time(() -> IptablesSave.parse(iptables.save(AddressFamily.INET, "nat"))));
        flush.run();
    }

    /**
     * kube-proxy iptables-mode shape (as in shared/reference/peers.md §3.2): per Service one
     * KUBE-SERVICES rule, 10 statistic rules in its KUBE-SVC chain and 10 KUBE-SEP chains of 2 rules.
     */
    static String kubeProxyNat() {
        StringBuilder chains = new StringBuilder("*nat\n:KUBE-SERVICES - [0:0]\n");
        StringBuilder rules = new StringBuilder("-A PREROUTING -j KUBE-SERVICES\n");
        for (int s = 0; s < SERVICES; s++) {
            String svc = "KUBE-SVC-" + s;
            chains.append(':').append(svc).append(" - [0:0]\n");
            rules.append("-A KUBE-SERVICES -d 10.96.").append(s >> 8).append('.').append(s & 0xff)
                    .append("/32 -p tcp -m tcp --dport 80 -j ").append(svc).append('\n');
            for (int e = 0; e < 10; e++) {
                String sep = "KUBE-SEP-" + s + "-" + e;
                String ip = "10.244." + (s >> 2) + "." + ((s & 3) * 10 + e + 1);
                chains.append(':').append(sep).append(" - [0:0]\n");
                rules.append("-A ").append(svc).append(" -m statistic --mode random --probability 0.1 -j ")
                        .append(sep).append('\n');
                rules.append("-A ").append(sep).append(" -s ").append(ip).append("/32 -j MARK --set-xmark 0x4000/0x4000\n");
                rules.append("-A ").append(sep).append(" -p tcp -m tcp -j DNAT --to-destination ").append(ip)
                        .append(":8080\n");
            }
        }
        return chains.append(rules).append("COMMIT\n").toString();
    }

    private static void raw(Path stdin, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
    }

    private static long[] time(Step step) throws Exception {
        return time(() -> { }, step);
    }

    /** Runs reset+step {@link #WARMUPS} times, then {@link #RUNS} times timed; returns sorted ms. */
    private static long[] time(Step reset, Step step) throws Exception {
        long[] ms = new long[RUNS];
        for (int i = -WARMUPS; i < RUNS; i++) {
            reset.run();
            long t0 = System.nanoTime();
            step.run();
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            if (i >= 0) {
                ms[i] = elapsed;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private void row(String operation, long[] raw, long[] ours) {
        rows.add("| " + operation + " | " + cell(raw) + " | " + cell(ours) + " |");
    }

    private static String cell(long[] sorted) {
        return sorted[RUNS / 2] + " ms (" + sorted[0] + ")";
    }
}
