package io.kuberouter.api.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.Heartbeats.Controller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void freshUntilPeriodPlusFirstBeatDelayPlusGrace() {
        // first beat 10 s after start: ttl 10 s; period 60 s; grace 1.5 s -> stale after 71.5 s
        Controller c = new Controller("proxy", T0, T0.plusSeconds(10), T0.plusSeconds(100), Duration.ofSeconds(60));
        assertFalse(c.stale(T0.plusSeconds(171)));
        assertTrue(c.stale(T0.plusSeconds(172)));
    }

    @Test
    void beforeTheFirstBeatTheStartCounts() {
        Controller c = new Controller("fw", T0, null, null, Duration.ofSeconds(5));
        assertFalse(c.stale(T0.plusMillis(6500)));
        assertTrue(c.stale(T0.plusMillis(6501)));
    }

    @Test
    void staleListsOnlyStaleControllers() {
        Controller ok = new Controller("a", T0, T0, T0.plusSeconds(9), Duration.ofSeconds(5));
        Controller late = new Controller("b", T0, T0, T0, Duration.ofSeconds(5));
        assertEquals(List.of(late), new Heartbeats(List.of(ok, late)).stale(T0.plusSeconds(10)));
    }

    @Test
    void ownershipMatchesByPrefixAndRange() {
        KernelOwnership o = new KernelOwnership(List.of("KUBE-POD-FW-"), List.of("KUBE-SRC-"), List.of("tun-"),
                List.of(17), List.of(77), List.of(new KernelOwnership.MarkRange(1, 0x3FFF)));
        assertTrue(o.ownsChain("KUBE-POD-FW-ABC"));
        assertFalse(o.ownsChain("KUBE-SERVICES"));
        assertTrue(o.ownsIpset("KUBE-SRC-X"));
        assertTrue(o.ownsLink("tun-abc"));
        assertTrue(o.ownsMark(0x3FFF));
        assertFalse(o.ownsMark(0x4000));
    }

    @Test
    void recorderBeatsIntoOneControllersHeartbeats() {
        java.time.Instant[] now = {T0};
        java.time.Clock clock = new java.time.Clock() {
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public java.time.Instant instant() {
                return now[0];
            }
        };
        HeartbeatRecorder recorder = new HeartbeatRecorder("sync", clock, Duration.ofSeconds(5));
        now[0] = T0.plusSeconds(2);
        recorder.beat();
        now[0] = T0.plusSeconds(4);
        recorder.beat();
        Controller c = recorder.heartbeats().controllers().get(0);
        assertEquals(new Controller("sync", T0, T0.plusSeconds(2), T0.plusSeconds(4), Duration.ofSeconds(5)), c);
        assertFalse(c.stale(T0.plusMillis(4000 + 5000 + 2000 + 1500)));
        assertTrue(c.stale(T0.plusMillis(4000 + 5000 + 2000 + 1501)));
    }
}
