package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.FamilyState;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The firewall's desired-state builder: a pure function of a cluster snapshot, the configuration, the state last
 * written (for chain versions) and the sync version, to the complete filter-table state of every enabled family,
 * kube-router's netpol controller (behaviour inventory §4) with the differences listed in docs/firewall.md.
 * Thread-safe (stateless).
 */
public final class FirewallBuilder {

    private FirewallBuilder() {
    }

    /**
     * @param previous the state last written to the kernel, whose unchanged chains keep their names; {@code null}
     *        names every chain after {@code version} (a full sync)
     * @param version the sync version, upstream's {@code syncVersion}
     * @throws IllegalStateException with {@code --netpol-default-deny} when the node's pod CIDRs are unknown
     */
    public static DesiredState build(ClusterSnapshot snapshot, Settings settings, DesiredState previous,
            String version) {
        return build(snapshot, settings, previous, version, new BuildCache());
    }

    /**
     * As {@link #build(ClusterSnapshot, Settings, DesiredState, String)}, reusing the per-policy results
     * {@code cache} holds from earlier builds where their inputs are unchanged (the result is the same).
     */
    public static DesiredState build(ClusterSnapshot snapshot, Settings settings, DesiredState previous,
            String version, BuildCache cache) {
        cache.begin();
        ClusterIndex index = ClusterIndex.of(snapshot);
        Problems problems = new Problems();
        PolicyResolver resolver = new PolicyResolver(index, problems);
        List<ResolvedPolicy> policies = snapshot.networkPolicies().values().stream()
                .sorted(Comparator.comparing(NetworkPolicy::key)).map(resolver::resolve).toList();
        Identities policyIds = new Identities(policies.stream().map(p -> p.policy().key()).toList());
        Identities podIds = new Identities(index.localPods().stream().map(Pod::key).toList());
        Map<IpFamily, FamilyState> families = new EnumMap<>(IpFamily.class);
        for (IpFamily family : settings.families()) {
            ChainNamer namer = new ChainNamer(previous == null ? null : previous.family(family), version);
            families.put(family, new FamilyBuilder(family, settings, index, namer, cache)
                    .build(policies, policyIds, podIds));
        }
        cache.finish();
        return new DesiredState(version, snapshot.revision(), families, problems.list());
    }
}
