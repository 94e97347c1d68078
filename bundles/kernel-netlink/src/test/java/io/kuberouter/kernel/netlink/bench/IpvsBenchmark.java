package io.kuberouter.kernel.netlink.bench;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.impl.NetlinkIpvs;
import io.kuberouter.kernel.netlink.impl.SetnsNetns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Programs S IPVS services x D masquerade destinations into an empty IPVS table, once through
 * {@code Ipvs.apply} (batched generic netlink) and once with {@code ipvsadm -R} fed the same rules, each
 * round in fresh network namespaces, and prints a table of wall-clock times. Also times listing the
 * full table back ({@code Ipvs.services()} + one destination dump per service vs {@code ipvsadm -Sn}).
 * Needs root and ip_vs: run it in the UML guest with {@code src/test/bench/ipvs-benchmark.sh}.
 *
 * <pre>usage: IpvsBenchmark [services=5000] [destinations=10] [rounds=5]</pre>
 */
public final class IpvsBenchmark {

    private final int services;
    private final int destinations;
    private final List<IpvsOp> ops = new ArrayList<>();
    private final NetlinkIpvs ipvs = new NetlinkIpvs();
    private final SetnsNetns netns = new SetnsNetns();

    private IpvsBenchmark(int services, int destinations) {
        this.services = services;
        this.destinations = destinations;
        for (int s = 0; s < services; s++) {
            ServiceKey key = new ServiceKey.ByAddress(IpPrefix.address("10.96." + s / 250 + "." + (s % 250 + 1)),
                    IpProtocol.TCP, 80);
            ops.add(new IpvsOp.AddService(VirtualService.of(key, "rr")));
            for (int d = 0; d < destinations; d++) {
                int n = s * destinations + d;
                ops.add(new IpvsOp.AddDestination(key, Destination.of(
                        IpPrefix.address("10.244." + n / 250 + "." + (n % 250 + 1)), 8080, ForwardingMethod.MASQ, 1)));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int destinations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        new IpvsBenchmark(services, destinations).run(rounds);
    }

    private void run(int rounds) throws Exception {
        Path rules = Files.createTempFile("ipvs-bench-", ".rules");
        try {
            Files.write(rules, ipvsadmRules());
            long[] cold = netlinkRound();
            ipvsadmRound(rules);
            List<long[]> ours = new ArrayList<>();
            List<long[]> theirs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                boolean netlinkFirst = round % 2 == 1;
                (netlinkFirst ? ours : theirs).add(netlinkFirst ? netlinkRound() : ipvsadmRound(rules));
                (netlinkFirst ? theirs : ours).add(netlinkFirst ? ipvsadmRound(rules) : netlinkRound());
                System.err.printf("round %d of %d done%n", round, rounds);
            }
            print(rounds, cold, ours, theirs);
        } finally {
            Files.delete(rules);
        }
    }

    /** {programming nanos, listing nanos} through our services, in a fresh namespace. */
    private long[] netlinkRound() throws Exception {
        try (Netns ns = Netns.create()) {
            NetnsRef ref = NetnsRef.named(ns.name());
            return netns.call(ref, () -> {
                long t0 = System.nanoTime();
                ipvs.apply(ops);
                long t1 = System.nanoTime();
                int listed = ipvs.services().stream().mapToInt(s -> 1 + listDestinations(s.service().key())).sum();
                long t2 = System.nanoTime();
                check(listed);
                return new long[] {t1 - t0, t2 - t1};
            });
        }
    }

    private int listDestinations(ServiceKey key) {
        try {
            return ipvs.destinations(key).size();
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {programming nanos, listing nanos} with ipvsadm -R and -Sn, in a fresh namespace. */
    private long[] ipvsadmRound(Path rules) throws IOException, InterruptedException {
        try (Netns ns = Netns.create()) {
            long t0 = System.nanoTime();
            exec(new ProcessBuilder("ip", "netns", "exec", ns.name(), "ipvsadm", "-R").redirectInput(rules.toFile()));
            long t1 = System.nanoTime();
            Path saved = Files.createTempFile("ipvs-bench-", ".saved");
            try {
                exec(new ProcessBuilder("ip", "netns", "exec", ns.name(), "ipvsadm", "-Sn").redirectOutput(saved.toFile()));
                long t2 = System.nanoTime();
                check((int) Files.lines(saved).count());
                return new long[] {t1 - t0, t2 - t1};
            } finally {
                Files.delete(saved);
            }
        }
    }

    private void check(int objects) {
        if (objects != ops.size()) {
            throw new IllegalStateException("expected " + ops.size() + " IPVS objects, found " + objects);
        }
    }

    private static void exec(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(pb.command() + " exited with " + p.exitValue());
        }
    }

    /** The same set in {@code ipvsadm -S} syntax. */
    private List<String> ipvsadmRules() {
        List<String> lines = new ArrayList<>(ops.size());
        for (IpvsOp op : ops) {
            if (op instanceof IpvsOp.AddService a) {
                lines.add("-A -t " + target(a.key()) + " -s " + a.service().scheduler());
            } else if (op instanceof IpvsOp.AddDestination d) {
                lines.add("-a -t " + target(d.key()) + " -r " + d.destination().target() + " -m -w "
                        + d.destination().weight());
            }
        }
        return lines;
    }

    private static String target(ServiceKey key) {
        ServiceKey.ByAddress a = (ServiceKey.ByAddress) key;
        return IpPrefix.text(a.address()) + ":" + a.port();
    }

    private void print(int rounds, long[] cold, List<long[]> ours, List<long[]> theirs) {
        System.out.printf(Locale.ROOT, "IPVS: %d services x %d destinations = %d objects, from empty; %d rounds "
                + "after one warm-up round, fresh netns each%n", services, destinations, ops.size(), rounds);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s %12s%n", "", "median ms", "min ms", "max ms", "objects/s");
        row("program: netlink, first call of the JVM", List.of(cold), 0);
        row("program: netlink batch (Ipvs.apply)", ours, 0);
        row("program: ipvsadm -R (process incl.)", theirs, 0);
        row("list: Ipvs.services() + destinations()", ours, 1);
        row("list: ipvsadm -Sn (process incl.)", theirs, 1);
        System.out.printf(Locale.ROOT, "ratio netlink / ipvsadm -R (median): %.2f%n",
                (double) median(ours, 0) / median(theirs, 0));
    }

    private void row(String name, List<long[]> samples, int column) {
        List<Long> values = samples.stream().map(s -> s[column]).sorted().toList();
        long median = median(samples, column);
        System.out.printf(Locale.ROOT, "%-44s %10.0f %10.0f %10.0f %12.0f%n", name, median / 1e6, values.get(0) / 1e6,
                values.get(values.size() - 1) / 1e6, ops.size() / (median / 1e9));
    }

    private static long median(List<long[]> samples, int column) {
        List<Long> values = new ArrayList<>(samples.stream().map(s -> s[column]).toList());
        Collections.sort(values);
        return values.get(values.size() / 2);
    }
}
