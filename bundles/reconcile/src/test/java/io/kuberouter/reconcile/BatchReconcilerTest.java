package io.kuberouter.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.reconcile.Status.State;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The reconciler with {@link BatchOperations}: one atomic call per phase, abort on failure. */
class BatchReconcilerTest {

    /** Applies a batch all or nothing, like one iptables-restore. */
    private static final class BatchKernel extends FakeKernel implements BatchOperations<String> {

        @Override
        public void updateBatch(List<String> objects) throws Exception {
            calls.add("updateBatch " + new TreeSet<>(objects));
            for (String o : objects) {
                refuse(o);
            }
            objects.forEach(o -> realized.put(name(o), o));
        }

        @Override
        public void deleteBatch(List<String> objects) throws Exception {
            calls.add("deleteBatch " + new TreeSet<>(objects));
            for (String o : objects) {
                refuse(o);
            }
            objects.forEach(o -> realized.remove(name(o)));
        }

        // The single-object forms are BatchOperations' defaults, not FakeKernel's.
        @Override
        public void update(String object) throws Exception {
            BatchOperations.super.update(object);
        }

        @Override
        public void delete(String object) throws Exception {
            BatchOperations.super.delete(object);
        }
    }

    private final BatchKernel kernel = new BatchKernel();
    private final Reconciler<String, String> reconciler = new Reconciler<>(kernel, new PruneGate());

    private static Map<String, String> desired(String... objects) {
        Map<String, String> map = new HashMap<>();
        for (String o : objects) {
            map.put(FakeKernel.name(o), o);
        }
        return map;
    }

    @Test
    void appliesEachPhaseAsOneBatch() throws ReconcileException {
        reconciler.reconcile(desired("a=1", "b=1", "c=1"));
        assertEquals(List.of("updateBatch [a=1, b=1, c=1]"), kernel.takeCalls());

        reconciler.reconcileFull(desired("a=2", "b=1"));
        assertEquals(List.of("updateBatch [a=2, b=1]", "deleteBatch [c=1]", "prune [a=2, b=1]"), kernel.takeCalls());
        assertEquals(Map.of("a", Status.done(), "b", Status.done()), reconciler.statuses());
    }

    @Test
    void emptyPhasesMakeNoCalls() throws ReconcileException {
        reconciler.reconcile(desired("a=1"));
        kernel.takeCalls();
        reconciler.reconcile(desired("a=1"));
        assertEquals(List.of(), kernel.takeCalls());
    }

    @Test
    void failedBatchAbortsTheRoundWithoutMarkingAnythingDone() throws ReconcileException {
        kernel.realized.put("stale", "stale=0");
        reconciler.reconcile(desired("old=1"));
        kernel.refused.add("b=1");
        kernel.takeCalls();

        ReconcileException failure = assertThrows(ReconcileException.class,
                () -> reconciler.reconcileFull(desired("a=1", "b=1")));

        assertTrue(failure.getMessage().contains("round aborted"), failure.getMessage());
        assertEquals(List.of("updateBatch [a=1, b=1]"), kernel.takeCalls(), "no delete batch, no prune");
        assertEquals(new Status(State.ERROR, "java.lang.IllegalStateException: refused b=1", 1),
                reconciler.status("a").orElseThrow());
        assertEquals(State.ERROR, reconciler.status("b").orElseThrow().state());
        assertEquals(Status.pending(), reconciler.status("old").orElseThrow());
        assertEquals("stale=0", kernel.realized.get("stale"));
    }

    @Test
    void nextRoundRetriesTheWholeAbortedWork() throws ReconcileException {
        reconciler.reconcile(desired("old=1"));
        kernel.refused.add("b=1");
        assertThrows(ReconcileException.class, () -> reconciler.reconcile(desired("a=1", "b=1")));
        kernel.refused.clear();
        kernel.takeCalls();

        reconciler.reconcile(desired("a=1", "b=1"));

        assertEquals(List.of("updateBatch [a=1, b=1]", "deleteBatch [old=1]"), kernel.takeCalls());
        assertEquals(Map.of("a", Status.done(), "b", Status.done()), reconciler.statuses());
    }

    @Test
    void singleObjectFormsAreBatchesOfOne() throws Exception {
        kernel.update("a=1");
        kernel.delete("a=1");
        assertEquals(List.of("updateBatch [a=1]", "deleteBatch [a=1]"), kernel.takeCalls());
    }
}
