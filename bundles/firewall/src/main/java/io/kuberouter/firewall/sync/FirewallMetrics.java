package io.kuberouter.firewall.sync;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.kernel.ReconcileTimings;
import io.kuberouter.firewall.model.ChainKey;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.FamilyState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.Collector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The firewall's metrics under kube-router's names (behaviour inventory §6.1), plus the skipped-input and
 * failed-sync counters. The one {@code ipset restore} a sync makes for both families is observed in the histogram
 * of the first enabled family. Thread-safe.
 */
public final class FirewallMetrics implements ReconcileTimings {

    private final Histogram syncTime = histogram("kube_router_controller_iptables_sync_time",
            "Time it took for the network policy controller to sync iptables");
    private final Histogram policyChainsTime = histogram("kube_router_controller_policy_chains_sync_time",
            "Time it took to build the network policy chains");
    private final Histogram v4Save = histogram("kube_router_controller_iptables_v4_save_time",
            "Time it took to run iptables-save for IPv4");
    private final Histogram v6Save = histogram("kube_router_controller_iptables_v6_save_time",
            "Time it took to run iptables-save for IPv6");
    private final Histogram v4Restore = histogram("kube_router_controller_iptables_v4_restore_time",
            "Time it took to run iptables-restore for IPv4");
    private final Histogram v6Restore = histogram("kube_router_controller_iptables_v6_restore_time",
            "Time it took to run iptables-restore for IPv6");
    private final Histogram v4Ipsets = histogram("kube_router_controller_policy_ipset_v4_restore_time",
            "Time it took to run ipset restore for IPv4");
    private final Histogram v6Ipsets = histogram("kube_router_controller_policy_ipset_v6_restore_time",
            "Time it took to run ipset restore for IPv6");
    private final Gauge policyChains = Gauge.builder().name("kube_router_controller_policy_chains")
            .help("Active network policy chains").build();
    private final Gauge policyIpsets = Gauge.builder().name("kube_router_controller_policy_ipsets")
            .help("Active network policy ipsets").build();
    private final Counter skipped = Counter.builder().name("kube_router_firewall_skipped_rules")
            .help("Parts of NetworkPolicies the firewall skipped (invalid CIDR or port, unresolved named port)")
            .labelNames("reason").build();
    private final Counter failures = Counter.builder().name("kube_router_firewall_sync_failures")
            .help("Firewall syncs whose kernel writes failed; the kernel kept the previous rules").build();
    private volatile IpFamily ipsetFamily = IpFamily.IPV4;

    /** Every metric, to register as collector services. */
    public List<Collector> collectors() {
        return List.of(syncTime, policyChainsTime, v4Save, v6Save, v4Restore, v6Restore, v4Ipsets, v6Ipsets,
                policyChains, policyIpsets, skipped, failures);
    }

    void synced(DesiredState desired, long nanos, long buildNanos) {
        syncTime.observe(nanos / 1e9);
        policyChainsTime.observe(buildNanos / 1e9);
        List<FamilyState> families = List.copyOf(desired.families().values());
        ipsetFamily = families.isEmpty() ? IpFamily.IPV4 : families.get(0).family();
        policyChains.set(families.stream().flatMap(f -> f.versioned().keySet().stream())
                .filter(k -> k.kind() != ChainKey.Kind.POD).count());
        policyIpsets.set(families.stream().mapToLong(f -> f.ipsets().size()).sum());
    }

    void skipped(String reason) {
        skipped.labelValues(reason).inc();
    }

    void failed() {
        failures.inc();
    }

    long failures() {
        return (long) failures.get();
    }

    /** {@code kube_router_firewall_skipped_rules_total} by reason. */
    Map<String, Long> skippedTotals() {
        Map<String, Long> out = new TreeMap<>();
        skipped.collect().getDataPoints().forEach(p -> out.put(p.getLabels().get("reason"), (long) p.getValue()));
        return out;
    }

    @Override
    public void saved(IpFamily family, long nanos) {
        (family == IpFamily.IPV4 ? v4Save : v6Save).observe(nanos / 1e9);
    }

    @Override
    public void restored(IpFamily family, long nanos) {
        (family == IpFamily.IPV4 ? v4Restore : v6Restore).observe(nanos / 1e9);
    }

    @Override
    public void ipsetsRestored(long nanos) {
        (ipsetFamily == IpFamily.IPV4 ? v4Ipsets : v6Ipsets).observe(nanos / 1e9);
    }

    private static Histogram histogram(String name, String help) {
        return Histogram.builder().name(name).help(help).classicOnly().build();
    }
}
