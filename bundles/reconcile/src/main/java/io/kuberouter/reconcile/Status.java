package io.kuberouter.reconcile;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where one desired object stands in its {@link Reconciler}.
 *
 * @param state the state
 * @param message why the last attempt failed; empty unless {@link State#ERROR}
 * @param attempts how many attempts in a row failed; 0 unless {@link State#ERROR}
 */
@ProviderType
public record Status(State state, String message, int attempts) {

    private static final Status PENDING = new Status(State.PENDING, "", 0);
    private static final Status DONE = new Status(State.DONE, "", 0);

    /** The states of an object. */
    public enum State {
        /** New, changed or removed from the desired state, and not yet applied. */
        PENDING,
        /** Applied by the latest attempt. */
        DONE,
        /** The latest attempt failed; the next round tries again. */
        ERROR
    }

    public Status {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        if ((state == State.ERROR) != (attempts > 0)) {
            throw new IllegalArgumentException("only ERROR has failed attempts: " + state + ", " + attempts);
        }
    }

    /** The status of an object not yet applied. */
    public static Status pending() {
        return PENDING;
    }

    /** The status of an applied object. */
    public static Status done() {
        return DONE;
    }

    /** This status after one more failed attempt with {@code why}. */
    public Status failed(String why) {
        return new Status(State.ERROR, why, attempts + 1);
    }
}
