package io.kuberouter.reconcile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AppliedRevisionTest {

    @Test
    void aWaiterWakesWhenItsRevisionOrALaterOneIsPublished() throws Exception {
        AppliedRevision applied = new AppliedRevision();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return applied.await(5, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        applied.publish(7);
        assertTrue(waiter.get());
    }

    @Test
    void revisionsOnlyGrowAndAWaitTimesOut() throws Exception {
        AppliedRevision applied = new AppliedRevision();
        applied.publish(9);
        applied.publish(3);
        assertTrue(applied.await(9, Duration.ZERO));
        assertFalse(applied.await(10, Duration.ofMillis(20)));
    }
}
