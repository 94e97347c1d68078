package io.kuberouter.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangeTrackerTest {

    private final ChangeTracker<String, String> tracker = new ChangeTracker<>();

    private void applied(String key, String value) {
        tracker.put(key, value);
        tracker.drain();
    }

    @Test
    void reportsAddUpdateAndRemoveAgainstTheLastDrain() {
        applied("svc/b", "b1");
        applied("svc/c", "c1");
        tracker.put("svc/a", "a1");
        tracker.put("svc/b", "b2");
        tracker.remove("svc/c");

        Map<String, Change<String>> changes = tracker.drain();

        assertEquals(Map.of(
                "svc/a", new Change<>(null, "a1"),
                "svc/b", new Change<>("b1", "b2"),
                "svc/c", new Change<>("c1", null)), changes);
        assertTrue(changes.get("svc/a").added());
        assertTrue(changes.get("svc/c").removed());
        assertFalse(changes.get("svc/b").added() || changes.get("svc/b").removed());
    }

    @Test
    void keepsTheAppliedValueAsPreviousAcrossManyUpdates() {
        applied("k", "v1");
        tracker.put("k", "v2");
        tracker.put("k", "v3");
        assertEquals(Map.of("k", new Change<>("v1", "v3")), tracker.drain());
    }

    @Test
    void dropsAChangeThatReturnsToTheAppliedValue() {
        applied("k", "v1");
        tracker.put("k", "v2");
        tracker.put("k", "v1");
        tracker.put("new", "x");
        tracker.remove("new");
        tracker.remove("k");
        tracker.put("k", "v1");

        assertEquals(0, tracker.pendingCount());
        assertEquals(Map.of(), tracker.drain());
    }

    @Test
    void removingAnUnknownKeyRecordsNothing() {
        tracker.remove("ghost");
        assertEquals(0, tracker.pendingCount());
    }

    @Test
    void drainClearsAndAdvancesTheSnapshot() {
        tracker.put("a", "1");
        tracker.put("b", "2");
        assertEquals(2, tracker.pendingCount());
        assertEquals(Map.of(), tracker.snapshot());

        tracker.drain();
        assertEquals(Map.of(), tracker.drain());
        assertEquals(Map.of("a", "1", "b", "2"), tracker.snapshot());

        tracker.remove("a");
        tracker.drain();
        assertEquals(Map.of("b", "2"), tracker.snapshot());
    }

    @Test
    void drainedMapIsUnmodifiable() {
        tracker.put("a", "1");
        Map<String, Change<String>> changes = tracker.drain();
        assertThrows(UnsupportedOperationException.class, () -> changes.remove("a"));
    }

    @Test
    void customEquivalenceIgnoresIrrelevantFields() {
        record Obj(String spec, long resourceVersion) {
        }
        ChangeTracker<String, Obj> bySpec = new ChangeTracker<>((a, b) -> a.spec().equals(b.spec()));
        bySpec.put("k", new Obj("x", 1));
        bySpec.drain();
        bySpec.put("k", new Obj("x", 2));
        assertEquals(0, bySpec.pendingCount());
        bySpec.put("k", new Obj("y", 3));
        assertEquals(Map.of("k", new Change<>(new Obj("x", 1), new Obj("y", 3))), bySpec.drain());
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> tracker.put(null, "v"));
        assertThrows(NullPointerException.class, () -> tracker.put("k", null));
        assertThrows(NullPointerException.class, () -> tracker.remove(null));
        assertThrows(IllegalArgumentException.class, () -> new Change<>(null, null));
    }

    @Test
    void concurrentWritersAndADrainerLoseNothing() throws Exception {
        int writers = 8;
        int keysPerWriter = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Future<?>[] done = new Future<?>[writers];
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done[w] = pool.submit(() -> {
                for (int i = 0; i < keysPerWriter; i++) {
                    String key = writer + "/" + i;
                    tracker.put(key, "old");
                    tracker.put(key, "new");
                    if (i % 10 == 0) {
                        tracker.remove(key);
                    }
                }
            });
        }
        Map<String, String> synced = new HashMap<>();
        while (!allDone(done)) {
            tracker.drain().forEach((k, c) -> apply(synced, k, c));
        }
        tracker.drain().forEach((k, c) -> apply(synced, k, c));
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));

        assertEquals(writers * keysPerWriter * 9 / 10, synced.size());
        assertEquals(synced, tracker.snapshot());
        assertTrue(synced.values().stream().allMatch("new"::equals));
    }

    private static boolean allDone(Future<?>[] futures) throws Exception {
        for (Future<?> f : futures) {
            if (!f.isDone()) {
                return false;
            }
            f.get();
        }
        return true;
    }

    private static void apply(Map<String, String> state, String key, Change<String> change) {
        assertEquals(state.get(key), change.previous(), "previous is what the sync thread last saw");
        if (change.removed()) {
            state.remove(key);
        } else {
            state.put(key, change.current());
        }
    }
}
