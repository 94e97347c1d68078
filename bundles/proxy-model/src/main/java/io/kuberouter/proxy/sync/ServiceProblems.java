package io.kuberouter.proxy.sync;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.Problem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports skipped input like a Kubernetes event: a problem is logged at WARN and counted in
 * {@code kube_router_service_proxy_skipped_total{reason}} when it first appears, and logged at INFO when it
 * goes away; a problem that stays is not repeated on every sync. For the sync thread.
 */
public final class ServiceProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProblems.class);

    private final Consumer<String> countSkipped;
    private final Map<ObjectKey, Set<Problem>> byService = new HashMap<>();
    private Set<Problem> conflicts = Set.of();

    /** @param countSkipped counts a new problem by its reason (the backend's skipped-input counter) */
    public ServiceProblems(Consumer<String> countSkipped) {
        this.countSkipped = countSkipped;
    }

    /** The current problems of one Service (empty: none, or the Service is gone). */
    public void report(ObjectKey service, List<Problem> problems) {
        Set<Problem> next = new HashSet<>(problems);
        Set<Problem> before = next.isEmpty() ? byService.remove(service) : byService.put(service, next);
        announce(before == null ? Set.of() : before, next);
    }

    /** The current frontend conflicts between Services. */
    public void reportConflicts(List<Problem> current) {
        Set<Problem> next = new HashSet<>(current);
        announce(conflicts, next);
        conflicts = next;
    }

    private void announce(Set<Problem> before, Set<Problem> after) {
        for (Problem p : after) {
            if (!before.contains(p)) {
                LOG.warn("Warning SkippedServiceInput {}", p);
                countSkipped.accept(p.reason());
            }
        }
        before.stream().filter(p -> !after.contains(p)).forEach(p -> LOG.info("Normal ResolvedServiceInput {}", p));
    }
}
