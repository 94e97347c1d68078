package io.kuberouter.proxy.nft.plan;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.Problem;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The desired content of the table's per-frontend part, kept up to date one Service at a time: each Service
 * contributes one {@link FrontendRules} per virtual server; when two Services want the same frontend (the same
 * external IP, protocol and port) the one whose key sorts first gets it and the other is reported
 * ({@link #conflicts()}) until the first lets go, as the IPVS backend does. Not thread-safe: owned by the sync
 * thread.
 */
public final class DesiredNft {

    private final Map<ObjectKey, ProxiedService> models = new HashMap<>();
    private final Map<ObjectKey, List<FrontendRules>> byService = new HashMap<>();
    private final Map<String, NavigableMap<ObjectKey, FrontendRules>> claimants = new HashMap<>();
    private final Map<String, FrontendRules> effective = new HashMap<>();
    private final Set<String> contested = new HashSet<>();

    /**
     * Replaces everything {@code model} contributed before.
     *
     * @param changed receives the id of every frontend whose effective rules changed (added, altered, removed)
     */
    public void put(ProxiedService model, Set<String> changed) {
        Set<String> touched = withdraw(model.key());
        models.put(model.key(), model);
        List<FrontendRules> rules = new ArrayList<>(model.servers().size());
        for (VirtualServer server : model.servers()) {
            FrontendRules r = FrontendTranslation.of(server);
            rules.add(r);
            claimants.computeIfAbsent(r.id(), k -> new TreeMap<>()).put(r.owner(), r);
            touched.add(r.id());
        }
        byService.put(model.key(), rules);
        touched.forEach(id -> settle(id, changed));
    }

    /** Forgets a Service (deleted, or no longer programmed). */
    public void remove(ObjectKey service, Set<String> changed) {
        Set<String> touched = withdraw(service);
        models.remove(service);
        touched.forEach(id -> settle(id, changed));
    }

    /** The rules that should be in the table for frontend {@code id}, or {@code null}. */
    public FrontendRules rules(String id) {
        return effective.get(id);
    }

    /** Every frontend's rules; an unmodifiable live view. */
    public Map<String, FrontendRules> all() {
        return Collections.unmodifiableMap(effective);
    }

    /** The model of a programmed Service, or {@code null}. */
    public ProxiedService model(ObjectKey service) {
        return models.get(service);
    }

    /** The keys of every programmed Service, as a copy. */
    public Set<ObjectKey> services() {
        return Set.copyOf(models.keySet());
    }

    /** The Services that lost a frontend to another Service. */
    public List<Problem> conflicts() {
        List<Problem> problems = new ArrayList<>();
        for (String id : contested) {
            NavigableMap<ObjectKey, FrontendRules> all = claimants.get(id);
            ObjectKey winner = all.firstKey();
            all.tailMap(winner, false).forEach((loser, r) -> problems.add(new Problem(loser, "frontend-conflict",
                    "skipping " + r.server().frontend().id() + ": already served for service " + winner)));
        }
        return problems;
    }

    private Set<String> withdraw(ObjectKey service) {
        Set<String> touched = new HashSet<>();
        for (FrontendRules old : byService.getOrDefault(service, List.of())) {
            NavigableMap<ObjectKey, FrontendRules> all = claimants.get(old.id());
            all.remove(service);
            if (all.isEmpty()) {
                claimants.remove(old.id());
            }
            touched.add(old.id());
        }
        byService.remove(service);
        return touched;
    }

    private void settle(String id, Set<String> changed) {
        NavigableMap<ObjectKey, FrontendRules> all = claimants.get(id);
        FrontendRules next = all == null ? null : all.firstEntry().getValue();
        if (all != null && all.size() > 1) {
            contested.add(id);
        } else {
            contested.remove(id);
        }
        FrontendRules previous = next == null ? effective.remove(id) : effective.put(id, next);
        if (next == null ? previous != null : !next.equals(previous)) {
            changed.add(id);
        }
    }
}
