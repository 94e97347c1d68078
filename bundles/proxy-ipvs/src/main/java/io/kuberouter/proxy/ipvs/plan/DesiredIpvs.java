package io.kuberouter.proxy.ipvs.plan;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.Problem;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import java.net.InetAddress;
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
 * The desired IPVS state of the node, kept up to date one Service at a time so that a change costs in
 * proportion to what it touches. Each Service contributes entries; when two Services want the same virtual
 * service (the same external IP and port, say) the one whose key sorts first gets it and the other is
 * reported ({@link #conflicts()}) until the first lets go.
 *
 * <p>Besides the entries by {@link ServiceKey} it counts, per address, the entries that bind it to
 * kube-dummy-if and the entries on it at all (the {@code kube-router-svip} set). Not thread-safe: owned by
 * the sync thread.
 */
public final class DesiredIpvs {

    private final Map<ObjectKey, ProxiedService> models = new HashMap<>();
    private final Map<ObjectKey, List<IpvsEntry>> byService = new HashMap<>();
    private final Map<ServiceKey, NavigableMap<ObjectKey, IpvsEntry>> claimants = new HashMap<>();
    private final Map<ServiceKey, IpvsEntry> effective = new HashMap<>();
    private final Set<ServiceKey> contested = new HashSet<>();
    private final Map<InetAddress, Integer> bound = new HashMap<>();
    private final Map<InetAddress, Integer> frontends = new HashMap<>();
    private final Map<String, Integer> portEntries = new HashMap<>();

    /**
     * Replaces everything {@code model} contributed before with {@code entries}.
     *
     * @param changed receives every key whose effective entry changed (added, altered or removed)
     */
    public void put(ProxiedService model, List<IpvsEntry> entries, Set<ServiceKey> changed) {
        Set<ServiceKey> touched = withdraw(model.key());
        models.put(model.key(), model);
        byService.put(model.key(), List.copyOf(entries));
        for (IpvsEntry entry : entries) {
            claimants.computeIfAbsent(entry.key(), k -> new TreeMap<>()).put(entry.owner(), entry);
            touched.add(entry.key());
        }
        touched.forEach(key -> settle(key, changed));
    }

    /** Forgets a Service (deleted, or no longer programmed). */
    public void remove(ObjectKey service, Set<ServiceKey> changed) {
        Set<ServiceKey> touched = withdraw(service);
        models.remove(service);
        touched.forEach(key -> settle(key, changed));
    }

    /** The entry that should be in the kernel under {@code key}, or {@code null}. */
    public IpvsEntry entry(ServiceKey key) {
        return effective.get(key);
    }

    /** Every entry that should be in the kernel; an unmodifiable live view. */
    public Map<ServiceKey, IpvsEntry> entries() {
        return Collections.unmodifiableMap(effective);
    }

    /** True when some entry binds {@code vip} to kube-dummy-if. */
    public boolean binds(InetAddress vip) {
        return bound.containsKey(vip);
    }

    /** Every address to bind to kube-dummy-if; an unmodifiable live view. */
    public Set<InetAddress> boundAddresses() {
        return Collections.unmodifiableSet(bound.keySet());
    }

    /** True when some entry serves on {@code address} (it belongs in {@code kube-router-svip}). */
    public boolean serves(InetAddress address) {
        return frontends.containsKey(address);
    }

    /** True when some entry serves {@code portEntry} (it belongs in {@code kube-router-svip-prt}). */
    public boolean servesPort(String portEntry) {
        return portEntries.containsKey(portEntry);
    }

    /** Every {@code kube-router-svip-prt} entry; an unmodifiable live view. */
    public Set<String> portEntries() {
        return Collections.unmodifiableSet(portEntries.keySet());
    }

    /** Every frontend address; an unmodifiable live view. */
    public Set<InetAddress> frontendAddresses() {
        return Collections.unmodifiableSet(frontends.keySet());
    }

    /** The model of a programmed Service, or {@code null}. */
    public ProxiedService model(ObjectKey service) {
        return models.get(service);
    }

    /** The keys of every programmed Service, as a copy. */
    public Set<ObjectKey> services() {
        return Set.copyOf(models.keySet());
    }

    /** The Services that lost a virtual service to another Service. */
    public List<Problem> conflicts() {
        List<Problem> problems = new ArrayList<>();
        for (ServiceKey key : contested) {
            NavigableMap<ObjectKey, IpvsEntry> all = claimants.get(key);
            ObjectKey winner = all.firstKey();
            all.tailMap(winner, false).forEach((loser, entry) -> problems.add(new Problem(loser, "frontend-conflict",
                    "skipping " + entry.frontend().id() + ": already served for service " + winner)));
        }
        return problems;
    }

    private Set<ServiceKey> withdraw(ObjectKey service) {
        Set<ServiceKey> touched = new HashSet<>();
        for (IpvsEntry old : byService.getOrDefault(service, List.of())) {
            NavigableMap<ObjectKey, IpvsEntry> all = claimants.get(old.key());
            all.remove(service);
            if (all.isEmpty()) {
                claimants.remove(old.key());
            }
            touched.add(old.key());
        }
        byService.remove(service);
        return touched;
    }

    private void settle(ServiceKey key, Set<ServiceKey> changed) {
        NavigableMap<ObjectKey, IpvsEntry> all = claimants.get(key);
        IpvsEntry next = all == null ? null : all.firstEntry().getValue();
        if (all != null && all.size() > 1) {
            contested.add(key);
        } else {
            contested.remove(key);
        }
        IpvsEntry previous = next == null ? effective.remove(key) : effective.put(key, next);
        if (next != null && next.equals(previous) || next == null && previous == null) {
            return;
        }
        changed.add(key);
        if (previous != null) {
            count(frontends, previous.vip(), -1);
            count(portEntries, previous.portEntry(), -1);
            if (previous.bindsAddress()) {
                count(bound, previous.vip(), -1);
            }
        }
        if (next != null) {
            count(frontends, next.vip(), 1);
            count(portEntries, next.portEntry(), 1);
            if (next.bindsAddress()) {
                count(bound, next.vip(), 1);
            }
        }
    }

    private static <K> void count(Map<K, Integer> counts, K address, int delta) {
        counts.merge(address, delta, (a, b) -> a + b == 0 ? null : a + b);
    }
}
