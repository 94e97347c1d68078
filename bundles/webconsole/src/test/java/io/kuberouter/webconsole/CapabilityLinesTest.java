package io.kuberouter.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.KernelOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityLinesTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void heartbeatsAreJudgedByTheHealthRule() {
        TestCapability firewall = new TestCapability("firewall", KernelOwnership.NONE,
                TestCapability.controller("iptables", T0, T0.plusSeconds(10), Duration.ofSeconds(60)),
                TestCapability.controller("ipsets", T0, null, Duration.ofSeconds(60)));
        Instant now = T0.plusSeconds(85); // stale after 60 s + 10 s to the first beat + 1.5 s
        assertEquals(List.of("iptables: last heartbeat 75 s ago, period 60 s, STALE",
                "ipsets: no heartbeat yet, period 60 s, STALE"), CapabilityLines.heartbeats(firewall, now));
        assertTrue(CapabilityLines.stale(firewall, now));
        assertFalse(CapabilityLines.stale(firewall, T0.plusSeconds(20)));
    }

    @Test
    void ownershipListsOnlyWhatIsOwned() {
        KernelOwnership router = new KernelOwnership(List.of(), List.of("kube-router-pod-subnets"), List.of("tun-"),
                List.of(17), List.of(77, 78), List.of(new KernelOwnership.MarkRange(0x2000, 0x2fff)));
        assertEquals(List.of("ipsets kube-router-pod-subnets", "links tun-", "route protocols 17",
                "route tables 77, 78", "fwmarks 0x2000-0x2fff"), CapabilityLines.ownership(router));
        assertEquals(List.of("nothing"), CapabilityLines.ownership(KernelOwnership.NONE));
        KernelOwnership proxy = new KernelOwnership(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(KernelOwnership.VipRange.of("0.0.0.0/0"), KernelOwnership.VipRange.of("::/0")));
        assertEquals(List.of("virtual servers 0.0.0.0/0, ::/0"), CapabilityLines.ownership(proxy));
    }
}
