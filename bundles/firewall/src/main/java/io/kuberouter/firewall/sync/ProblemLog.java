package io.kuberouter.firewall.sync;

import io.kuberouter.firewall.model.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports skipped input once: a problem is logged (WARN) and counted (by reason) when it first appears in a build,
 * and logged (INFO) when a later build no longer has it. Not thread-safe: used by the sync thread.
 */
final class ProblemLog {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemLog.class);

    private final Consumer<String> count;
    private Set<Problem> current = Set.of();

    /**
     * @param count counts a new problem by its reason
     */
    ProblemLog(Consumer<String> count) {
        this.count = count;
    }

    void report(List<Problem> problems) {
        Set<Problem> next = new HashSet<>(problems);
        for (Problem p : next) {
            if (!current.contains(p)) {
                LOG.warn("skipping part of {}", p);
                count.accept(p.reason());
            }
        }
        current.stream().filter(p -> !next.contains(p)).forEach(p -> LOG.info("no longer skipping: {}", p));
        current = next;
    }
}
