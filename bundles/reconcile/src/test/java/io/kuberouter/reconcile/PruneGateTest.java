package io.kuberouter.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PruneGateTest {

    private final PruneGate gate = new PruneGate();

    @Test
    void openWithoutInitializers() {
        assertTrue(gate.isOpen());
        assertEquals(Set.of(), gate.pendingNames());
    }

    @Test
    void opensOnlyWhenEveryInitializerCompleted() {
        PruneGate.Initializer proxy = gate.register("proxy");
        PruneGate.Initializer firewall = gate.register("firewall");
        assertFalse(gate.isOpen());
        assertEquals(Set.of("proxy", "firewall"), gate.pendingNames());

        proxy.complete();
        assertFalse(gate.isOpen());
        assertEquals(Set.of("firewall"), gate.pendingNames());

        firewall.complete();
        assertTrue(gate.isOpen());
    }

    @Test
    void completingTwiceIsHarmless() {
        PruneGate.Initializer proxy = gate.register("proxy");
        PruneGate.Initializer other = gate.register("other");
        proxy.complete();
        proxy.complete();
        assertFalse(gate.isOpen(), "a second complete must not release another initializer");
        other.complete();
        assertTrue(gate.isOpen());
    }

    @Test
    void sameNameRegisteredTwiceNeedsTwoCompletions() {
        PruneGate.Initializer first = gate.register("router");
        PruneGate.Initializer second = gate.register("router");
        first.complete();
        assertFalse(gate.isOpen());
        assertEquals("router", second.name());
        second.complete();
        assertTrue(gate.isOpen());
    }

    @Test
    void capabilitySwapClosesTheGateAgainUntilTheNewcomerSynced() {
        gate.register("proxy").complete();
        assertTrue(gate.isOpen());

        PruneGate.Initializer dsr = gate.register("dsr");
        assertFalse(gate.isOpen());
        dsr.complete();
        assertTrue(gate.isOpen());
    }
}
