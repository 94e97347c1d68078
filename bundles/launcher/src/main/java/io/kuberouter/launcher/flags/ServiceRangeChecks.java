package io.kuberouter.launcher.flags;

import java.util.List;

/**
 * The service range rules upstream applies before starting controllers (its service-IP validator, and the network
 * policy controller's dual-stack rule, here applied whatever runs): every CIDR of an enabled family; one or two
 * service cluster ranges, two only for dual-stack and then one per family. Messages are upstream's.
 */
final class ServiceRangeChecks {

    private static final int MAX_CLUSTER_RANGES = 2;

    private ServiceRangeChecks() {
    }

    /** @throws CommandLineException (start-up) at the first broken rule */
    static void check(Options options) {
        boolean ipv4 = options.get(GeneralFlags.ENABLE_IPV4);
        boolean ipv6 = options.get(GeneralFlags.ENABLE_IPV6);
        checkFamilies(options, GeneralFlags.SERVICE_EXTERNAL_IP_RANGE, ipv4, ipv6);
        checkFamilies(options, GeneralFlags.LOADBALANCER_IP_RANGE, ipv4, ipv6);
        checkFamilies(options, GeneralFlags.SERVICE_CLUSTER_IP_RANGE, ipv4, ipv6);
        checkClusterRangeCount(options.get(GeneralFlags.SERVICE_CLUSTER_IP_RANGE), ipv4 && ipv6);
    }

    private static void checkFamilies(Options options, Flag<List<Cidr>> flag, boolean ipv4, boolean ipv6) {
        for (Cidr cidr : options.get(flag)) {
            boolean v4 = cidr.isIpv4();
            if (v4 ? !ipv4 : !ipv6) {
                String family = v4 ? "IPv4" : "IPv6";
                throw CommandLineException.startup(family + " CIDR " + cidr + " specified in --" + flag.name()
                        + " while " + family + " is disabled");
            }
        }
    }

    private static void checkClusterRangeCount(List<Cidr> ranges, boolean dualStack) {
        if (ranges.isEmpty()) {
            throw CommandLineException.startup(
                    "failed to parse --service-cluster-ip-range parameter: the list is empty");
        }
        if (ranges.size() > MAX_CLUSTER_RANGES) {
            throw CommandLineException.startup("too many CIDRs provided in --service-cluster-ip-range parameter, "
                    + "only two addresses are allowed at once for dual-stack");
        }
        if (ranges.size() == MAX_CLUSTER_RANGES && ranges.get(0).isIpv4() == ranges.get(1).isIpv4()) {
            throw CommandLineException.startup(dualStack
                    ? "failed to get parse --service-cluster-ip-range parameter: dual-stack is enabled, both IPv4 "
                            + "and IPv6 addresses should be provided"
                    : "too many CIDRs provided in --service-cluster-ip-range parameter: dual-stack must be enabled "
                            + "to provide two addresses");
        }
    }
}
