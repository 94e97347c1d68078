package io.kuberouter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExporterHeartbeatTest {

    @Test
    void beatsAtOnceAndIsJudgedAgainstAFiveSecondPeriod() throws InterruptedException {
        try (ExporterHeartbeat heartbeat = new ExporterHeartbeat(Clock.systemUTC())) {
            Heartbeats.Controller controller = awaitFirstBeat(heartbeat);
            assertEquals(ExporterHeartbeat.PERIOD, controller.period());
            assertEquals(KernelOwnership.NONE, heartbeat.ownership());
            assertTrue(heartbeat.heartbeats().stale(Instant.now()).isEmpty());
            Instant muchLater = controller.lastBeat().plus(Duration.ofSeconds(7));
            assertEquals(1, heartbeat.heartbeats().stale(muchLater).size());
        }
    }

    private static Heartbeats.Controller awaitFirstBeat(ExporterHeartbeat heartbeat) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Heartbeats.Controller controller = heartbeat.heartbeats().controllers().get(0);
            if (controller.lastBeat() != null) {
                assertNotNull(controller.firstBeat());
                return controller;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no heartbeat within 1 s");
    }
}
