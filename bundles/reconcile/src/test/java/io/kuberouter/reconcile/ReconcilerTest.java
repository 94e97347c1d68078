package io.kuberouter.reconcile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.reconcile.Status.State;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The reconciler with per-object {@link Operations}. */
class ReconcilerTest {

    private final FakeKernel kernel = new FakeKernel();
    private final PruneGate gate = new PruneGate();
    private final Reconciler<String, String> reconciler = new Reconciler<>(kernel, gate);

    /** Desired objects keyed by name, e.g. {@code desired("a=1", "b=2")}. */
    private static Map<String, String> desired(String... objects) {
        Map<String, String> map = new HashMap<>();
        for (String o : objects) {
            map.put(FakeKernel.name(o), o);
        }
        return map;
    }

    private static Set<String> sorted(List<String> calls) {
        return new TreeSet<>(calls);
    }

    @Test
    void firstRoundRealizesEverythingAndMarksDone() throws ReconcileException {
        reconciler.reconcile(desired("a=1", "b=1"));

        assertEquals(Set.of("update a=1", "update b=1"), sorted(kernel.takeCalls()));
        assertEquals(Map.of("a", Status.done(), "b", Status.done()), reconciler.statuses());
    }

    @Test
    void incrementalRoundAppliesOnlyTheDelta() throws ReconcileException {
        reconciler.reconcile(desired("a=1", "b=1", "c=1"));
        kernel.takeCalls();

        reconciler.reconcile(desired("a=1", "b=2", "d=1"));

        List<String> calls = kernel.takeCalls();
        assertEquals(3, calls.size());
        assertEquals(Set.of("update b=2", "update d=1", "delete c=1"), sorted(calls));
        assertEquals(Optional.empty(), reconciler.status("c"));
        assertEquals(Map.of("a", "a=1", "b", "b=2", "d", "d=1"), kernel.realized);
    }

    @Test
    void updatesComeBeforeDeletes() throws ReconcileException {
        reconciler.reconcile(desired("a=1"));
        kernel.takeCalls();
        reconciler.reconcile(desired("b=1"));
        assertEquals(List.of("update b=1", "delete a=1"), kernel.takeCalls());
    }

    @Test
    void unchangedRoundTouchesNothing() throws ReconcileException {
        reconciler.reconcile(desired("a=1"));
        kernel.takeCalls();
        reconciler.reconcile(desired("a=1"));
        assertEquals(List.of(), kernel.takeCalls());
    }

    @Test
    void incrementalRoundsNeverPrune() throws ReconcileException {
        kernel.realized.put("stale", "stale=0");
        reconciler.reconcile(desired("a=1"));
        assertTrue(kernel.takeCalls().stream().noneMatch(c -> c.startsWith("prune")));
        assertEquals("stale=0", kernel.realized.get("stale"));
    }

    @Test
    void fullRoundRefreshesEverythingThenPrunesOnlyOwnedObjects() throws ReconcileException {
        reconciler.reconcile(desired("a=1", "b=1"));
        kernel.takeCalls();
        kernel.realized.remove("a");
        kernel.realized.put("stale", "stale=0");
        kernel.realized.put("foreign-x", "foreign-x=9");

        reconciler.reconcileFull(desired("a=1", "b=1"));

        List<String> calls = kernel.takeCalls();
        assertEquals(Set.of("update a=1", "update b=1"), sorted(calls.subList(0, 2)));
        assertEquals("prune [a=1, b=1]", calls.get(2));
        assertEquals(Map.of("a", "a=1", "b", "b=1", "foreign-x", "foreign-x=9"), kernel.realized);
    }

    @Test
    void failedObjectIsErrorWhileOthersSucceedAndIsRetriedNextRound() {
        kernel.refused.add("b=1");

        ReconcileException failure = assertThrows(ReconcileException.class,
                () -> reconciler.reconcile(desired("a=1", "b=1")));
        assertEquals("refused b=1", failure.getCause().getMessage());
        assertEquals(Status.done(), reconciler.status("a").orElseThrow());
        Status error = reconciler.status("b").orElseThrow();
        assertEquals(State.ERROR, error.state());
        assertEquals(1, error.attempts());
        assertTrue(error.message().contains("refused b=1"), error.message());

        kernel.takeCalls();
        assertThrows(ReconcileException.class, () -> reconciler.reconcile(desired("a=1", "b=1")));
        assertEquals(List.of("update b=1"), kernel.takeCalls());
        assertEquals(2, reconciler.status("b").orElseThrow().attempts());

        kernel.refused.clear();
        assertDoesNotThrow(() -> reconciler.reconcile(desired("a=1", "b=1")));
        assertEquals(Status.done(), reconciler.status("b").orElseThrow());
    }

    @Test
    void changingAFailedObjectStartsItsAttemptsAfresh() {
        kernel.refused.add("b=1");
        kernel.refused.add("b=2");
        assertThrows(ReconcileException.class, () -> reconciler.reconcile(desired("b=1")));
        assertThrows(ReconcileException.class, () -> reconciler.reconcile(desired("b=1")));
        assertEquals(2, reconciler.status("b").orElseThrow().attempts());

        assertThrows(ReconcileException.class, () -> reconciler.reconcile(desired("b=2")));
        assertEquals(1, reconciler.status("b").orElseThrow().attempts());
    }

    @Test
    void failedDeleteStaysVisibleAndIsRetried() throws ReconcileException {
        reconciler.reconcile(desired("a=1"));
        kernel.refused.add("a=1");

        assertThrows(ReconcileException.class, () -> reconciler.reconcile(desired()));
        assertEquals(State.ERROR, reconciler.status("a").orElseThrow().state());

        kernel.refused.clear();
        kernel.takeCalls();
        reconciler.reconcile(desired());
        assertEquals(List.of("delete a=1"), kernel.takeCalls());
        assertEquals(Map.of(), reconciler.statuses());
        assertEquals(Map.of(), kernel.realized);
    }

    @Test
    void objectDesiredAgainBeforeItsDeleteSucceededIsUpdatedNotDeleted() throws ReconcileException {
        reconciler.reconcile(desired("a=1"));
        kernel.refused.add("a=1");
        assertThrows(ReconcileException.class, () -> reconciler.reconcile(desired()));
        kernel.refused.clear();
        kernel.takeCalls();

        reconciler.reconcile(desired("a=1"));

        assertEquals(List.of("update a=1"), kernel.takeCalls());
        assertEquals(Status.done(), reconciler.status("a").orElseThrow());
    }

    @Test
    void closedGateSkipsPruneUntilEveryInitializerCompleted() throws ReconcileException {
        PruneGate.Initializer proxy = gate.register("proxy");
        PruneGate.Initializer dsr = gate.register("dsr");
        kernel.realized.put("stale", "stale=0");

        reconciler.reconcileFull(desired("a=1"));
        proxy.complete();
        reconciler.reconcileFull(desired("a=1"));
        assertTrue(kernel.takeCalls().stream().noneMatch(c -> c.startsWith("prune")));
        assertEquals("stale=0", kernel.realized.get("stale"));

        dsr.complete();
        reconciler.reconcileFull(desired("a=1"));
        assertTrue(kernel.takeCalls().contains("prune [a=1]"));
        assertEquals(Map.of("a", "a=1"), kernel.realized);
    }

    @Test
    void failedPruneFailsTheRoundButKeepsObjectsDone() {
        kernel.refusePrune = true;
        ReconcileException failure = assertThrows(ReconcileException.class,
                () -> reconciler.reconcileFull(desired("a=1")));
        assertEquals("prune refused", failure.getCause().getMessage());
        assertEquals(Status.done(), reconciler.status("a").orElseThrow());
    }

    @Test
    void fullRoundRetriesFailedObjects() throws ReconcileException {
        kernel.refused.add("a=1");
        assertThrows(ReconcileException.class, () -> reconciler.reconcile(desired("a=1")));
        kernel.refused.clear();
        reconciler.reconcileFull(desired("a=1"));
        assertEquals(Status.done(), reconciler.status("a").orElseThrow());
    }

    @Test
    void rejectsNullDesiredObjects() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThrows(NullPointerException.class, () -> reconciler.reconcile(withNull));
    }

    @Test
    void statusRejectsInconsistentValues() {
        assertThrows(IllegalArgumentException.class, () -> new Status(State.DONE, "", 1));
        assertThrows(IllegalArgumentException.class, () -> new Status(State.ERROR, "x", 0));
        assertEquals(new Status(State.ERROR, "why", 2), Status.pending().failed("x").failed("why"));
    }
}
