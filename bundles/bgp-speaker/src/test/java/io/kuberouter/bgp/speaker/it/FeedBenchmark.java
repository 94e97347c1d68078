package io.kuberouter.bgp.speaker.it;

import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kuberouter.kernel.harness.Netns;

/**
 * Full-table benchmark: a gobgpd feeder holding {@code prefixes} IPv4 routes (injected from a
 * generated MRT file, {@link MrtTableDump}) sends them to one receiver at a time – our speaker,
 * gobgpd, bird2 – each in its own namespace on one bridge. Per receiver: the time from the
 * session reaching Established until its RIB holds every prefix (all selected: one path each),
 * and its resident memory then (VmRSS) and at peak (VmHWM). Receivers are polled every 100 ms.
 * The feeder's first transfer after the injection is slower (gobgpd builds its per-peer state),
 * so one transfer to bird warms it up and is not counted.
 *
 * <p>Arguments: {@code [prefixes=1000000] [prefixes-per-attribute-set=10] [rounds=1]
 * [receivers=ours,gobgpd,bird]}; environment
 * variable {@code BENCH_JVM} holds our speaker's JVM options (default: the agent's, see
 * distribution/src/main/dist/bin/kube-router).
 */
public final class FeedBenchmark {

    static final String AGENT_JVM = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m "
            + "-Xss512k -Xmx256m";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Lab lab;
    private final int prefixes;
    private final Netns feederNs;
    private final List<Netns> receiverNs = new ArrayList<>();

    private FeedBenchmark(Lab lab, int prefixes) {
        this.lab = lab;
        this.prefixes = prefixes;
        this.feederNs = lab.namespace();
        feederNs.ip("link", "add", "br0", "type", "bridge");
        feederNs.ip("link", "set", "br0", "up");
        lab.address(feederNs, "br0", "10.99.9.1/24");
        for (int i = 0; i < 3; i++) {
            Netns ns = lab.namespace();
            lab.link(feederNs, "r" + i, ns, "lan");
            feederNs.ip("link", "set", "r" + i, "master", "br0");
            lab.address(ns, "lan", "10.99.9." + (2 + i) + "/24");
            receiverNs.add(ns);
        }
    }

    public static void main(String[] args) throws Exception {
        int prefixes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perPath = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<String> receivers = List.of((args.length > 3 ? args[3] : "ours,gobgpd,bird").split(","));
        List<String> jvm = List.of(System.getenv().getOrDefault("BENCH_JVM", AGENT_JVM).trim().split("\\s+"));
        try (Lab lab = Lab.create("feed-benchmark")) {
            FeedBenchmark bench = new FeedBenchmark(lab, prefixes);
            bench.startFeeder(perPath);
            bench.measure(new BirdReceiver(bench, -1));
            System.out.printf("%-10s %9s %8s %10s %10s%n", "receiver", "time (s)", "CPU (s)", "RSS (MB)", "peak (MB)");
            for (int round = 0; round < rounds; round++) {
                for (String name : receivers) {
                    bench.print(name, bench.measure(bench.receiver(name, jvm, round)));
                }
            }
        }
        System.exit(0);
    }

    private void startFeeder(int perPath) throws Exception {
        Path mrt = lab.path("feed.mrt");
        new MrtTableDump((Inet4Address) SpeakerMain.address("10.99.9.1")).write(mrt, prefixes, perPath);
        StringBuilder toml = new StringBuilder("[global.config]\n  as = 65001\n  router-id = \"10.99.9.1\"\n"
                + "  local-address-list = [\"10.99.9.1\"]\n");
        for (int i = 0; i < 3; i++) {
            toml.append("[[neighbors]]\n  [neighbors.config]\n    neighbor-address = \"10.99.9.").append(2 + i)
                    .append("\"\n    peer-as = 65000\n  [neighbors.timers.config]\n    connect-retry = 1\n");
        }
        Gobgpd feeder = new Gobgpd(lab, feederNs, "feeder", toml.toString()).start();
        long start = System.nanoTime();
        feeder.gobgp("mrt", "inject", "global", mrt.toString());
        Await.until("feeder table", TIMEOUT, () -> destinations(feeder) >= prefixes);
        awaitIdle(feeder.pid());
        System.out.printf("feeder: %d prefixes injected in %.1f s (MRT file %d MB)%n", prefixes,
                (System.nanoTime() - start) / 1e9, Files.size(mrt) >> 20);
    }

    /** Waits until gobgpd has digested the injection: less than 50 ms of CPU in a second. */
    private static void awaitIdle(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        double before = cpuSeconds(Files.readString(stat));
        while (true) {
            Await.pause(Duration.ofSeconds(1));
            double now = cpuSeconds(Files.readString(stat));
            if (now - before < 0.05) {
                return;
            }
            before = now;
        }
    }

    private Receiver receiver(String name, List<String> jvm, int round) {
        return switch (name) {
            case "ours" -> new OurSpeaker(this, jvm, round);
            case "gobgpd" -> new GobgpdReceiver(this, round);
            case "bird" -> new BirdReceiver(this, round);
            default -> throw new IllegalArgumentException("receiver " + name);
        };
    }

    private Result measure(Receiver receiver) throws Exception {
        receiver.start();
        Await.until(receiver + " session", TIMEOUT, receiver::established);
        long start = System.nanoTime();
        while (receiver.count() < prefixes) {
            if (System.nanoTime() - start > TIMEOUT.toNanos()) {
                throw new AssertionError(receiver + " got only " + receiver.count() + " prefixes");
            }
            Await.pause(Duration.ofMillis(100));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path proc = Path.of("/proc", Long.toString(receiver.pid()));
        String status = Files.readString(proc.resolve("status"));
        Result result = new Result(seconds, cpuSeconds(Files.readString(proc.resolve("stat"))),
                kilobytes(status, "VmRSS") / 1024.0, kilobytes(status, "VmHWM") / 1024.0);
        receiver.stop();
        return result;
    }

    private void print(String name, Result result) {
        System.out.printf("%-10s %9.2f %8.2f %10.0f %10.0f%n", name, result.seconds(), result.cpuSeconds(),
                result.rssMb(), result.peakMb());
    }

    static long destinations(Gobgpd gobgpd) {
        Matcher m = Pattern.compile("Destination: (\\d+)").matcher(gobgpd.gobgp("global", "rib", "summary", "-a", "ipv4"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** User plus system time of a process since its start (proc(5) stat fields 14 and 15, in ticks of 10 ms). */
    private static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long kilobytes(String status, String field) {
        Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    Lab lab() {
        return lab;
    }

    Netns receiverNs(int index) {
        return receiverNs.get(index);
    }

    private record Result(double seconds, double cpuSeconds, double rssMb, double peakMb) {
    }

    /** One receiving daemon. */
    interface Receiver {
        void start() throws Exception;

        boolean established();

        long count();

        long pid();

        void stop() throws Exception;
    }
}
