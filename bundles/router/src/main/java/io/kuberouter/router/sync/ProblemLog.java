package io.kuberouter.router.sync;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Collects the problems of one sync round and logs each at WARN once, when it first appears; a problem that is
 * gone and comes back is logged again. Used from one thread (the runner's).
 */
final class ProblemLog {

    private final Logger log;
    private Set<String> previous = new HashSet<>();
    private Set<String> current = new LinkedHashSet<>();

    ProblemLog(Logger log) {
        this.log = log;
    }

    Consumer<String> sink() {
        return current::add;
    }

    /** Ends a round: logs the new problems. */
    void flush() {
        current.stream().filter(p -> !previous.contains(p)).forEach(p -> log.warn("{}", p));
        previous = current;
        current = new LinkedHashSet<>();
    }
}
