package io.kuberouter.bgp.speaker.it;

import java.util.List;

/** Our speaker in a child JVM, 10.99.9.2. */
final class OurSpeaker implements FeedBenchmark.Receiver {
    private final FeedBenchmark bench;
    private final List<String> jvm;
    private final int round;
    private SpeakerProcess speaker;

    OurSpeaker(FeedBenchmark bench, List<String> jvm, int round) {
        this.bench = bench;
        this.jvm = jvm;
        this.round = round;
    }

    @Override
    public void start() {
        speaker = SpeakerProcess.start(bench.lab(), bench.receiverNs(0), "ours-" + round + ".log", jvm, "65000",
                "10.99.9.2", "10.99.9.2", "179");
        speaker.run("peer add 10.99.9.1 65001 local=10.99.9.2 retry=1");
    }

    @Override
    public boolean established() {
        return speaker.established("10.99.9.1");
    }

    @Override
    public long count() {
        return Long.parseLong(speaker.run("count ipv4").get(0));
    }

    @Override
    public long pid() {
        return speaker.pid();
    }

    @Override
    public void stop() {
        speaker.close();
    }

    @Override
    public String toString() {
        return "our speaker";
    }
}
