package io.kuberouter.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.Capability;
import io.kuberouter.api.capability.Heartbeats;
import io.kuberouter.api.capability.KernelOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthVerdictTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Capability capability(String name, Instant lastBeat) {
        Heartbeats beats = new Heartbeats(List.of(
                new Heartbeats.Controller("sync", T0, T0, lastBeat, Duration.ofSeconds(60))));
        return new Capability() {
            public String name() {
                return name;
            }

            public KernelOwnership ownership() {
                return KernelOwnership.NONE;
            }

            public Heartbeats heartbeats() {
                return beats;
            }
        };
    }

    @Test
    void healthyWithoutCapabilitiesAndWithFreshOnes() {
        assertTrue(HealthVerdict.of(List.of(), T0).healthy());
        HealthVerdict v = HealthVerdict.of(List.of(capability("proxy", T0.plusSeconds(30))), T0.plusSeconds(90));
        assertTrue(v.healthy());
        assertEquals("OK\n", v.body());
    }

    @Test
    void staleControllerIsNamed() {
        HealthVerdict v = HealthVerdict.of(List.of(capability("proxy", T0.plusSeconds(30)),
                capability("firewall", T0)), T0.plusSeconds(62));
        assertFalse(v.healthy());
        assertEquals("Unhealthy: firewall/sync: last heartbeat 62 s ago, period 60 s\n", v.body());
    }
}
