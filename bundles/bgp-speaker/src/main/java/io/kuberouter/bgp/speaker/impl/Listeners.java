package io.kuberouter.bgp.speaker.impl;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kuberouter.bgp.speaker.BestPathChange;
import io.kuberouter.bgp.speaker.BestPathListener;

/** The subscribed best-path listeners; confined to the speaker's loop. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<BestPathListener> listeners = new ArrayList<>();

    void add(BestPathListener listener) {
        listeners.add(listener);
    }

    void remove(BestPathListener listener) {
        listeners.remove(listener);
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** Calls every listener with {@code changes}; a failing listener is logged and skipped. */
    void deliver(List<BestPathChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<BestPathChange> batch = List.copyOf(changes);
        for (BestPathListener listener : new ArrayList<>(listeners)) {
            deliver(listener, batch);
        }
    }

    static void deliver(BestPathListener listener, List<BestPathChange> batch) {
        try {
            listener.bestPathsChanged(batch);
        } catch (RuntimeException e) {
            LOG.warn("best-path listener {} failed", listener, e);
        }
    }
}
