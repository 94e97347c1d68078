package io.kuberouter.bgp.speaker.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** bird2 without a kernel protocol (routes stay in its table), 10.99.9.4. */
final class BirdReceiver implements FeedBenchmark.Receiver {
    private static final Pattern COUNT = Pattern.compile("(\\d+) of \\d+ routes for \\d+ networks in table master4");
    private final FeedBenchmark bench;
    private final int round;
    private Bird bird;

    BirdReceiver(FeedBenchmark bench, int round) {
        this.bench = bench;
        this.round = round;
    }

    @Override
    public void start() {
        bird = new Bird(bench.lab(), bench.receiverNs(2), "bird-" + round, """
                router id 10.99.9.4;
                log stderr { warning, error, fatal };
                protocol device { }
                protocol bgp feed {
                  local 10.99.9.4 as 65000;
                  neighbor 10.99.9.1 as 65001;
                  connect delay time 1;
                  ipv4 { import all; export none; };
                }
                """).start();
    }

    @Override
    public boolean established() {
        return bird.established("feed");
    }

    @Override
    public long count() {
        Matcher m = COUNT.matcher(bird.birdc("show", "route", "count"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Override
    public long pid() {
        return bird.pid();
    }

    @Override
    public void stop() throws InterruptedException {
        bird.stop();
    }

    @Override
    public String toString() {
        return "bird";
    }
}
