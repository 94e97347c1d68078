package io.kuberouter.launcher.flags;

import static io.kuberouter.launcher.flags.ValueTypes.BOOL;
import static io.kuberouter.launcher.flags.ValueTypes.CIDRS;
import static io.kuberouter.launcher.flags.ValueTypes.DURATION;
import static io.kuberouter.launcher.flags.ValueTypes.PORT_RANGE;
import static io.kuberouter.launcher.flags.ValueTypes.STRING;
import static io.kuberouter.launcher.flags.ValueTypes.UINT16;

import java.time.Duration;
import java.util.List;

/**
 * General and process flags of kube-router v2.11 (behaviour reference §1.1): defaults and help as upstream. The help
 * of {@code --health-addr} is written after {@code --metrics-addr}: its upstream text was not available.
 */
public final class GeneralFlags {

    public static final Flag<Boolean> RUN_FIREWALL = Flag.upstream("run-firewall", BOOL, true,
            "Enables Network Policy -- sets up iptables to provide ingress firewall for pods.");
    public static final Flag<Boolean> RUN_ROUTER = Flag.upstream("run-router", BOOL, true,
            "Enables Pod Networking -- Advertises and learns the routes to Pods via iBGP.");
    public static final Flag<Boolean> RUN_SERVICE_PROXY = Flag.upstream("run-service-proxy", BOOL, true,
            "Enables Service Proxy -- sets up IPVS for Kubernetes Services.");
    public static final Flag<Boolean> RUN_LOADBALANCER = Flag.upstream("run-loadbalancer", BOOL, false,
            "Enable loadbalancer address allocator");
    public static final Flag<String> KUBECONFIG = Flag.upstream("kubeconfig", STRING, "",
            "Path to kubeconfig file with authorization information (the master location is set by the master flag).");
    public static final Flag<String> MASTER = Flag.upstream("master", STRING, "",
            "The address of the Kubernetes API server (overrides any value in kubeconfig).");
    public static final Flag<String> HOSTNAME_OVERRIDE = Flag.upstream("hostname-override", STRING, "",
            "Overrides the NodeName of the node. Set this if kube-router is unable to determine your NodeName "
                    + "automatically.");
    public static final Flag<Duration> CACHE_SYNC_TIMEOUT = Flag.upstream("cache-sync-timeout", DURATION,
            Duration.ofMinutes(1),
            "The timeout for cache synchronization (e.g. '5s', '1m'). Must be greater than 0.");
    public static final Flag<Boolean> CLEANUP_CONFIG = Flag.upstream("cleanup-config", BOOL, false,
            "Cleanup iptables rules, ipvs, ipset configuration and exit.");
    public static final Flag<Boolean> ENABLE_IPV4 = Flag.upstream("enable-ipv4", BOOL, true, "Enables IPv4 support");
    public static final Flag<Boolean> ENABLE_IPV6 = Flag.upstream("enable-ipv6", BOOL, false, "Enables IPv6 support");
    public static final Flag<String> HEALTH_ADDR = Flag.upstream("health-addr", STRING, "",
            "Health check address to listen on, (Default: all interfaces)");
    public static final Flag<Long> HEALTH_PORT = Flag.upstream("health-port", UINT16, 20244L,
            "Health check port, 0 = Disabled");
    public static final Flag<String> METRICS_ADDR = Flag.upstream("metrics-addr", STRING, "",
            "Prometheus metrics address to listen on, (Default: all interfaces)");
    public static final Flag<Long> METRICS_PORT = Flag.upstream("metrics-port", UINT16, 0L,
            "Prometheus metrics port, (Default 0, Disabled)");
    public static final Flag<String> METRICS_PATH = Flag.upstream("metrics-path", STRING, "/metrics",
            "Prometheus metrics path");
    public static final Flag<Boolean> ENABLE_PPROF = Flag.upstream("enable-pprof", BOOL, false,
            "Enables pprof for debugging performance and memory leak issues.");
    /** klog verbosity; upstream hands it to klog's {@code -v}, which must read it as a 32-bit integer. */
    public static final Flag<String> VERBOSITY = Flag.upstream("v", STRING, "0", "log level for V logs")
            .withShorthand("v");
    public static final Flag<Boolean> VERSION = Flag.upstream("version", BOOL, false, "Print version information.")
            .withShorthand("V");
    public static final Flag<Boolean> HELP = Flag.upstream("help", BOOL, false, "Print usage information.")
            .withShorthand("h");
    public static final Flag<List<Cidr>> SERVICE_CLUSTER_IP_RANGE = Flag.upstream("service-cluster-ip-range", CIDRS,
            List.of(Cidr.parse("10.96.0.0/12")),
            "CIDR values from which service cluster IPs are assigned (can be specified up to 2 times)");
    public static final Flag<List<Cidr>> SERVICE_EXTERNAL_IP_RANGE = Flag.upstream("service-external-ip-range",
            CIDRS, List.of(),
            "Specify external IP CIDRs that are used for inter-cluster communication (can be specified multiple "
                    + "times). Also used by the proxy module to validate externalIPs when "
                    + "--strict-external-ip-validation is enabled.");
    public static final Flag<List<Cidr>> LOADBALANCER_IP_RANGE = Flag.upstream("loadbalancer-ip-range", CIDRS,
            List.of(),
            "CIDR values from which loadbalancer services addresses are assigned (can be specified multiple times). "
                    + "Also used by the proxy module to validate loadBalancerIPs when --strict-external-ip-validation "
                    + "is enabled.");
    public static final Flag<Boolean> STRICT_EXTERNAL_IP_VALIDATION = Flag.upstream("strict-external-ip-validation",
            BOOL, true,
            "When enabled, the proxy module validates externalIPs and loadBalancerIPs against configured CIDR ranges "
                    + "(--service-external-ip-range and --loadbalancer-ip-range). When strict mode is enabled and no "
                    + "range is configured, all externalIPs / loadBalancerIPs are rejected (default-deny). Disable "
                    + "this flag to restore previous behavior of accepting all IPs without validation.");
    public static final Flag<PortRange> SERVICE_NODE_PORT_RANGE = Flag.upstream("service-node-port-range",
            PORT_RANGE, new PortRange(30000, 32767), "NodePort range specified with either a hyphen or colon");

    private GeneralFlags() {
    }

    static List<Flag<?>> all() {
        return List.of(RUN_FIREWALL, RUN_ROUTER, RUN_SERVICE_PROXY, RUN_LOADBALANCER, KUBECONFIG, MASTER,
                HOSTNAME_OVERRIDE, CACHE_SYNC_TIMEOUT, CLEANUP_CONFIG, ENABLE_IPV4, ENABLE_IPV6, HEALTH_ADDR,
                HEALTH_PORT, METRICS_ADDR, METRICS_PORT, METRICS_PATH, ENABLE_PPROF, VERBOSITY, VERSION, HELP,
                SERVICE_CLUSTER_IP_RANGE, SERVICE_EXTERNAL_IP_RANGE, LOADBALANCER_IP_RANGE,
                STRICT_EXTERNAL_IP_VALIDATION, SERVICE_NODE_PORT_RANGE);
    }
}
