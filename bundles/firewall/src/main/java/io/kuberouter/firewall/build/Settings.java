package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import java.util.List;
import java.util.Objects;

/**
 * The configuration the builder depends on (PID {@code io.kuberouter.firewall}, see docs/flags.md).
 *
 * @param families the enabled IP families ({@code --enable-ipv4}, {@code --enable-ipv6})
 * @param clusterIpRanges {@code --service-cluster-ip-range}, canonical CIDRs
 * @param externalIpRanges {@code --service-external-ip-range}
 * @param loadBalancerIpRanges {@code --loadbalancer-ip-range}
 * @param nodePortRange {@code --service-node-port-range} as {@code first-last} (or {@code first:last})
 * @param defaultDeny {@code --netpol-default-deny}
 */
public record Settings(List<IpFamily> families, List<String> clusterIpRanges, List<String> externalIpRanges,
        List<String> loadBalancerIpRanges, String nodePortRange, boolean defaultDeny) {

    public Settings {
        families = List.copyOf(families);
        clusterIpRanges = List.copyOf(clusterIpRanges);
        externalIpRanges = List.copyOf(externalIpRanges);
        loadBalancerIpRanges = List.copyOf(loadBalancerIpRanges);
        Objects.requireNonNull(nodePortRange, "nodePortRange");
        if (!nodePortRange.matches("\\d{1,5}[-:]\\d{1,5}")) {
            throw new IllegalArgumentException("service node port range must be first-last: " + nodePortRange);
        }
    }

    /** The node port range as {@code -m multiport --dports} takes it: {@code first:last}. */
    public String nodePortDports() {
        return nodePortRange.replace('-', ':');
    }

    /** The CIDRs of {@code ranges} that belong to {@code family}. */
    public static List<String> ofFamily(List<String> ranges, IpFamily family) {
        return ranges.stream().filter(r -> IpFamily.of(r) == family).toList();
    }
}
