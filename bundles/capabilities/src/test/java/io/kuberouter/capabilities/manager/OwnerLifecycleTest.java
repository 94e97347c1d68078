package io.kuberouter.capabilities.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.capability.KernelOwnership;
import io.kuberouter.capabilities.CapabilityStop;
import io.kuberouter.capabilities.OwnerLifecycle;
import io.kuberouter.capabilities.OwnerLifecycle.Removal;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/** The owners' rules as {@link OwnerLifecycle} applies them for a capability's component. */
class OwnerLifecycleTest {

    private static final KernelOwnership CHAINS = new KernelOwnership(List.of("KUBE-TEST-"), List.of(), List.of(),
            List.of(), List.of(), List.of());

    private final OwnerRegistry registry = new OwnerRegistry();
    private final CapabilityOwnersComponent owners = new CapabilityOwnersComponent(registry);
    private final List<String> kernel = new ArrayList<>(List.of("KUBE-TEST-A", "KUBE-TEST-B"));

    @Test
    void registersWhenBoundAndPrunesOnlyWhileEveryOtherCapabilityHasSynced() {
        OwnerLifecycle owner = new OwnerLifecycle("test", CHAINS);
        assertFalse(owner.mayPrune(), "not registered: never prunes");
        owner.bind(owners);
        assertEquals(Set.of("test"), owners.pending());
        assertTrue(owner.mayPrune(), "its own first sync removes what an earlier process of it left");
        OwnerLifecycle other = new OwnerLifecycle("other", new KernelOwnership(List.of("KUBE-OTHER-"), List.of(),
                List.of(), List.of(), List.of(), List.of()));
        other.bind(owners);
        assertFalse(owner.mayPrune(), "another capability (re)starting closes the gate");
        assertFalse(other.mayPrune(), "nor may the other while the first has not synced");
        other.initialSyncDone();
        assertTrue(owner.mayPrune(), "the other synced; its own sync is still pending, which does not count");
        assertFalse(other.mayPrune());
        owner.initialSyncDone();
        assertTrue(other.mayPrune());
        assertTrue(registry.gate().isOpen());
    }

    @Test
    void anOwnerBoundAfterItsFirstSyncReportsItAtOnce() {
        OwnerLifecycle owner = new OwnerLifecycle("test", CHAINS);
        owner.initialSyncDone();
        owner.bind(owners);
        assertTrue(owners.mayPrune());
    }

    @Test
    void aRefusedRegistrationNeverPrunes() {
        new OwnerLifecycle("first", CHAINS).bind(owners);
        OwnerLifecycle second = new OwnerLifecycle("second", CHAINS);
        second.bind(owners);
        second.initialSyncDone();
        assertFalse(second.mayPrune());
        assertEquals(Set.of("first"), owners.pending());
    }

    @Test
    void aPassingStopRemovesNothingAndKeepsTheRegistrationUntilTheBundleReleasesIt() {
        OwnerLifecycle owner = new OwnerLifecycle("test", CHAINS);
        owner.bind(owners);
        assertEquals(CapabilityStop.PASSING, owner.deactivate(context(true), List.of(deleteAll())));
        assertEquals(2, kernel.size());
        owners.deactivate();
        assertTrue(registry.gate().isOpen());
    }

    @Test
    void aStopForGoodRemovesTheStateAndCloses() {
        OwnerLifecycle owner = new OwnerLifecycle("test", CHAINS);
        owner.bind(owners);
        assertEquals(CapabilityStop.FINAL, owner.deactivate(context(false), List.of(deleteAll())));
        assertEquals(List.of(), kernel);
        assertTrue(registry.gate().isOpen(), "closed before its first sync: no longer holds the gate");
        assertEquals(Map.of(), registry.removalFailures());
    }

    @Test
    void whatTheKernelRefusedIsReportedAndTheOtherStepsStillRun() {
        OwnerLifecycle owner = new OwnerLifecycle("test", CHAINS);
        owner.bind(owners);
        Removal refused = new Removal("chain KUBE-TEST-A", () -> {
            throw new IOException("iptables-restore: CHAIN_USER_DEL failed (Device or resource busy)");
        });
        owner.deactivate(context(false), List.of(refused, deleteAll()));
        assertEquals(List.of(), kernel, "the step after the refused one ran");
        assertEquals(Map.of("test", "chain KUBE-TEST-A: iptables-restore: CHAIN_USER_DEL failed (Device or resource "
                + "busy)"), registry.removalFailures());

        new OwnerLifecycle("test", CHAINS).bind(owners);
        assertEquals(Map.of(), registry.removalFailures(), "a new registration of the capability clears it");
    }

    private Removal deleteAll() {
        return new Removal("chains", kernel::clear);
    }

    /** A bundle context whose bundle is persistently started (a passing stop) or not (a stop for good). */
    static BundleContext context(boolean persistentlyStarted) {
        Bundle system = fake(Bundle.class, "getState", Bundle.ACTIVE);
        BundleStartLevel startLevel = fake(BundleStartLevel.class, "isPersistentlyStarted", persistentlyStarted);
        Bundle own = fake(Bundle.class, "adapt", startLevel);
        return (BundleContext) Proxy.newProxyInstance(OwnerLifecycleTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> args != null && (long) args[0] == Constants.SYSTEM_BUNDLE_ID ? system : own;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static <T> T fake(Class<T> type, String methodName, Object answer) {
        return type.cast(Proxy.newProxyInstance(OwnerLifecycleTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals(methodName)) {
                        return answer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
