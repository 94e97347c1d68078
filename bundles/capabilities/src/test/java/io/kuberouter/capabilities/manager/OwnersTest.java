package io.kuberouter.capabilities.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.api.capability.KernelOwnership.MarkRange;
import io.kuberouter.capabilities.CapabilityOwners;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The owners' prune gate across starts, restarts and swaps, and the no-overlap rule. */
class OwnersTest {

    private static final KernelOwnership FIREWALL = ownership(List.of("KUBE-POD-FW-", "KUBE-NWPLCY-"),
            List.of("KUBE-SRC-"), List.of(), List.of(new MarkRange(0x10000, 0x10000)));
    private static final KernelOwnership PROXY = ownership(List.of("KUBE-ROUTER-SERVICES"),
            List.of("kube-router-svip"), List.of(), List.of(new MarkRange(0, 0x3FFF)));
    private static final KernelOwnership ROUTER = new KernelOwnership(List.of(), List.of(), List.of("tun-"),
            List.of(17), List.of(77), List.of());

    private final OwnerRegistry registry = new OwnerRegistry();
    private final CapabilityOwnersComponent firewallBundle = new CapabilityOwnersComponent(registry);
    private final CapabilityOwnersComponent proxyBundle = new CapabilityOwnersComponent(registry);

    @Test
    void pruningWaitsForEveryRunningOwnersFirstSync() {
        assertTrue(firewallBundle.mayPrune());
        CapabilityOwners.Owner firewall = firewallBundle.register("firewall", FIREWALL);
        CapabilityOwners.Owner proxy = proxyBundle.register("proxy", PROXY);
        assertFalse(proxyBundle.mayPrune());
        assertEquals(Set.of("firewall", "proxy"), proxyBundle.pending());

        firewall.initialSyncDone();
        assertFalse(firewallBundle.mayPrune(), "the proxy has not declared its state yet");
        proxy.initialSyncDone();
        assertTrue(firewallBundle.mayPrune());
        assertTrue(proxyBundle.pruneGate().isOpen());
    }

    @Test
    void aRestartingOwnerClosesTheGateForEveryoneUntilItSynced() {
        firewallBundle.register("firewall", FIREWALL).initialSyncDone();
        CapabilityOwners.Owner proxy = proxyBundle.register("proxy", PROXY);
        proxy.initialSyncDone();
        assertTrue(registry.gate().isOpen());

        proxy.close();
        CapabilityOwners.Owner restarted = proxyBundle.register("proxy", PROXY);
        assertFalse(firewallBundle.mayPrune(), "the firewall must not prune while the proxy comes back");
        restarted.initialSyncDone();
        assertTrue(firewallBundle.mayPrune());
    }

    @Test
    void anOwnerThatStopsBeforeItsFirstSyncNoLongerHoldsTheGate() {
        CapabilityOwners.Owner dsr = proxyBundle.register("dsr", ROUTER);
        assertFalse(registry.gate().isOpen());
        dsr.close();
        dsr.close();
        assertTrue(registry.gate().isOpen());
    }

    @Test
    void aBundleReleasingTheServiceClosesWhatItLeftOpen() {
        firewallBundle.register("firewall", FIREWALL);
        firewallBundle.deactivate();
        assertTrue(proxyBundle.mayPrune());
        proxyBundle.register("firewall-successor", FIREWALL).close();
    }

    @Test
    void anotherCapabilityMayNotClaimWhatAnOwnerClaims() {
        firewallBundle.register("firewall", FIREWALL);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> proxyBundle.register("proxy",
                ownership(List.of("KUBE-POD-"), List.of(), List.of(), List.of())));
        assertEquals("proxy claims kernel state firewall owns: chain prefixes KUBE-POD-FW- and KUBE-POD-",
                e.getMessage());
        assertEquals(Set.of("firewall"), proxyBundle.pending(), "a refused registration holds nothing");
        firewallBundle.register("firewall", ownership(List.of("KUBE-POD-FW-"), List.of(), List.of(), List.of()));
    }

    @Test
    void claimsOverlapByPrefixNumberOrMarkRange() {
        assertEquals(Optional.empty(), Claims.overlap(FIREWALL, PROXY));
        assertEquals(Optional.empty(), Claims.overlap(FIREWALL, ROUTER));
        assertEquals(Optional.of("ipset prefixes kube-router-svip and kube-router-"),
                Claims.overlap(PROXY, ownership(List.of(), List.of("kube-router-"), List.of(), List.of())));
        assertEquals(Optional.of("route table 77"), Claims.overlap(ROUTER,
                new KernelOwnership(List.of(), List.of(), List.of(), List.of(), List.of(78, 77), List.of())));
        assertEquals(Optional.of("route protocol 17"), Claims.overlap(ROUTER,
                new KernelOwnership(List.of(), List.of(), List.of(), List.of(17), List.of(), List.of())));
        assertEquals(Optional.of("link prefixes tun- and tun-1"), Claims.overlap(ROUTER,
                new KernelOwnership(List.of(), List.of(), List.of("tun-1"), List.of(), List.of(), List.of())));
        assertEquals(Optional.of("fwmark ranges 0x0-0x3fff and 0x3fff-0x4000"), Claims.overlap(PROXY,
                ownership(List.of(), List.of(), List.of(), List.of(new MarkRange(0x3FFF, 0x4000)))));
    }

    @Test
    void virtualServerRangesOverlapWhenOneContainsTheOther() {
        KernelOwnership services = vips("10.96.0.0/12");
        assertEquals(Optional.of("virtual server ranges 10.96.0.0/12 and 10.100.0.0/16"),
                Claims.overlap(services, vips("10.100.0.0/16")));
        assertEquals(Optional.empty(), Claims.overlap(services, vips("10.112.0.0/12")));
        assertEquals(Optional.empty(), Claims.overlap(vips("0.0.0.0/0"), vips("fd00::/108")));
    }

    private static KernelOwnership vips(String cidr) {
        return new KernelOwnership(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(KernelOwnership.VipRange.of(cidr)));
    }

    private static KernelOwnership ownership(List<String> chains, List<String> ipsets, List<String> links,
            List<MarkRange> marks) {
        return new KernelOwnership(chains, ipsets, links, List.of(), List.of(), marks);
    }
}
