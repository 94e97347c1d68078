package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Arrays;

/** Paths per source index, received and accepted, kept up to date instead of counted on demand. */
final class SourceCounts {

    private int[] received = new int[16];
    private int[] accepted = new int[16];

    void added(int source, boolean isAccepted) {
        ensure(source);
        received[source]++;
        if (isAccepted) {
            accepted[source]++;
        }
    }

    void removed(int source, boolean wasAccepted) {
        received[source]--;
        if (wasAccepted) {
            accepted[source]--;
        }
    }

    void acceptanceChanged(int source, boolean before, boolean after) {
        accepted[source] += (after ? 1 : 0) - (before ? 1 : 0);
    }

    int received(int source) {
        return source < received.length ? received[source] : 0;
    }

    int accepted(int source) {
        return source < accepted.length ? accepted[source] : 0;
    }

    private void ensure(int source) {
        if (source >= received.length) {
            int capacity = Math.max(source + 1, received.length * 2);
            received = Arrays.copyOf(received, capacity);
            accepted = Arrays.copyOf(accepted, capacity);
        }
    }
}
