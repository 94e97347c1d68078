package io.kuberouter.proxy.model;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.IpPrefix;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The flags that decide which frontends a Service gets (behaviour inventory §1.1, §1.2, §3.1).
 *
 * @param families the enabled families ({@code --enable-ipv4}, {@code --enable-ipv6})
 * @param clusterIpRanges {@code --service-cluster-ip-range}: external and LoadBalancer IPs inside are refused
 *     in strict mode
 * @param externalIpRanges {@code --service-external-ip-range}
 * @param loadBalancerIpRanges {@code --loadbalancer-ip-range}
 * @param strictExternalIpValidation {@code --strict-external-ip-validation}: accept external and LoadBalancer
 *     IPs only inside their ranges (none configured: none accepted)
 * @param nodePortBindOnAllIp {@code --nodeport-bindon-all-ip}: NodePorts on every local address instead of
 *     the node's IP of each family
 */
public record Settings(Set<IpFamily> families, List<IpPrefix> clusterIpRanges, List<IpPrefix> externalIpRanges,
        List<IpPrefix> loadBalancerIpRanges, boolean strictExternalIpValidation, boolean nodePortBindOnAllIp) {

    public Settings {
        families = Set.copyOf(families);
        clusterIpRanges = List.copyOf(clusterIpRanges);
        externalIpRanges = List.copyOf(externalIpRanges);
        loadBalancerIpRanges = List.copyOf(loadBalancerIpRanges);
    }

    /** kube-router's defaults: IPv4 only, 10.96.0.0/12, no external or LoadBalancer range, strict validation. */
    public static Settings defaults() {
        return new Settings(Set.of(IpFamily.IPV4), List.of(IpPrefix.parse("10.96.0.0/12")), List.of(), List.of(),
                true, false);
    }

    /** These settings with other external and LoadBalancer ranges. */
    public Settings withExternalRanges(List<IpPrefix> external, List<IpPrefix> loadBalancer) {
        return new Settings(families, clusterIpRanges, external, loadBalancer, strictExternalIpValidation,
                nodePortBindOnAllIp);
    }

    /** True when {@code family} is enabled. */
    public boolean enabled(IpFamily family) {
        return families.contains(Objects.requireNonNull(family, "family"));
    }
}
