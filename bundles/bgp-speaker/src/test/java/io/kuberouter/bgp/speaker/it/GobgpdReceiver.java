package io.kuberouter.bgp.speaker.it;

/** gobgpd, 10.99.9.3. */
final class GobgpdReceiver implements FeedBenchmark.Receiver {
    private final FeedBenchmark bench;
    private final int round;
    private Gobgpd gobgpd;

    GobgpdReceiver(FeedBenchmark bench, int round) {
        this.bench = bench;
        this.round = round;
    }

    @Override
    public void start() {
        gobgpd = new Gobgpd(bench.lab(), bench.receiverNs(1), "gobgpd-" + round, """
                [global.config]
                  as = 65000
                  router-id = "10.99.9.3"
                  local-address-list = ["10.99.9.3"]
                [[neighbors]]
                  [neighbors.config]
                    neighbor-address = "10.99.9.1"
                    peer-as = 65001
                  [neighbors.timers.config]
                    connect-retry = 1
                """).start();
    }

    @Override
    public boolean established() {
        return gobgpd.established("10.99.9.1");
    }

    @Override
    public long count() {
        return FeedBenchmark.destinations(gobgpd);
    }

    @Override
    public long pid() {
        return gobgpd.pid();
    }

    @Override
    public void stop() throws InterruptedException {
        gobgpd.stop();
    }

    @Override
    public String toString() {
        return "gobgpd";
    }
}
