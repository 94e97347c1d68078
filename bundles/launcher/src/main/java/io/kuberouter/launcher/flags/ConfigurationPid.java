package io.kuberouter.launcher.flags;

import java.util.ArrayList;
import java.util.List;

/**
 * The ConfigAdmin PIDs the launcher fills, the feature each belongs to (a PID is produced only when its feature is
 * enabled) and the flags each receives. A flag may feed several PIDs.
 */
public enum ConfigurationPid {

    /** Cluster access and node identity. */
    K8S("io.kuberouter.k8s", "core", List.of(GeneralFlags.KUBECONFIG, GeneralFlags.MASTER,
            GeneralFlags.HOSTNAME_OVERRIDE, GeneralFlags.CACHE_SYNC_TIMEOUT, GeneralFlags.ENABLE_IPV4,
            GeneralFlags.ENABLE_IPV6)),
    /** IPVS service proxy: all of §1.2 and the service ranges it validates against. */
    PROXY("io.kuberouter.proxy", "proxy", join(ServiceProxyFlags.all(), List.of(
            GeneralFlags.SERVICE_CLUSTER_IP_RANGE, GeneralFlags.SERVICE_EXTERNAL_IP_RANGE,
            GeneralFlags.LOADBALANCER_IP_RANGE, GeneralFlags.STRICT_EXTERNAL_IP_VALIDATION,
            GeneralFlags.SERVICE_NODE_PORT_RANGE, GeneralFlags.ENABLE_IPV4, GeneralFlags.ENABLE_IPV6,
            GeneralFlags.HOSTNAME_OVERRIDE))),
    /**
     * nftables service proxy (ours, {@code --service-proxy-backend}): the proxy flags that apply to it and the
     * service ranges it validates against; written instead of {@link #PROXY} when the backend is nftables.
     */
    PROXY_NFT("io.kuberouter.proxy.nft", "proxy", List.of(ServiceProxyFlags.IPVS_SYNC_PERIOD,
            ServiceProxyFlags.MASQUERADE_ALL, ServiceProxyFlags.NODEPORT_BINDON_ALL_IP,
            GeneralFlags.SERVICE_CLUSTER_IP_RANGE, GeneralFlags.SERVICE_EXTERNAL_IP_RANGE,
            GeneralFlags.LOADBALANCER_IP_RANGE, GeneralFlags.STRICT_EXTERNAL_IP_VALIDATION,
            GeneralFlags.ENABLE_IPV4, GeneralFlags.ENABLE_IPV6)),
    /** NetworkPolicy firewall: all of §1.3 and the ranges its INPUT whitelist uses. */
    FIREWALL("io.kuberouter.firewall", "firewall", join(NetworkPolicyFlags.all(), List.of(
            GeneralFlags.SERVICE_CLUSTER_IP_RANGE, GeneralFlags.SERVICE_EXTERNAL_IP_RANGE,
            GeneralFlags.LOADBALANCER_IP_RANGE, GeneralFlags.SERVICE_NODE_PORT_RANGE, GeneralFlags.ENABLE_IPV4,
            GeneralFlags.ENABLE_IPV6))),
    /**
     * Routing, CNI and BGP: all of §1.4 (peer passwords decoded; the passwords file is resolved into them and not
     * passed on), the service ranges advertised IPs are validated against, and the state directory (where the
     * router records the pod CIDRs it wrote into the CNI conf, for {@code --cleanup-config}).
     */
    ROUTER("io.kuberouter.router", "router", join(RoutingFlags.all(), without(BgpFlags.all(),
            BgpFlags.PEER_ROUTER_PASSWORDS_FILE), List.of(GeneralFlags.SERVICE_CLUSTER_IP_RANGE,
            GeneralFlags.SERVICE_EXTERNAL_IP_RANGE, GeneralFlags.LOADBALANCER_IP_RANGE,
            GeneralFlags.STRICT_EXTERNAL_IP_VALIDATION, GeneralFlags.ENABLE_IPV4, GeneralFlags.ENABLE_IPV6,
            ExtensionFlags.STATE_DIR))),
    /** LoadBalancer IP allocator: §1.5 and its address pool. */
    LBALLOC("io.kuberouter.lballoc", "lballoc", join(LoadBalancerFlags.all(),
            List.of(GeneralFlags.LOADBALANCER_IP_RANGE))),
    /** Prometheus endpoint; upstream serves it only when 0 < port < 65535. */
    METRICS("io.kuberouter.metrics", "metrics", List.of(GeneralFlags.METRICS_ADDR, GeneralFlags.METRICS_PORT,
            GeneralFlags.METRICS_PATH)),
    /** Health endpoint and the sync periods its staleness rule uses. */
    HEALTH("io.kuberouter.health", "core", List.of(GeneralFlags.HEALTH_ADDR, GeneralFlags.HEALTH_PORT,
            NetworkPolicyFlags.IPTABLES_SYNC_PERIOD, RoutingFlags.ROUTES_SYNC_PERIOD,
            RoutingFlags.INJECTED_ROUTES_SYNC_PERIOD, ServiceProxyFlags.IPVS_SYNC_PERIOD,
            LoadBalancerFlags.LOADBALANCER_SYNC_PERIOD)),
    /** Felix Web Console (password from the flag or its file). */
    WEBCONSOLE("io.kuberouter.webconsole", "webconsole", List.of(ExtensionFlags.WEBCONSOLE_ADDR,
            ExtensionFlags.WEBCONSOLE_PORT, ExtensionFlags.WEBCONSOLE_USER, ExtensionFlags.WEBCONSOLE_PASSWORD));

    private final String pid;
    private final String feature;
    private final List<Flag<?>> flags;

    ConfigurationPid(String pid, String feature, List<Flag<?>> flags) {
        this.pid = pid;
        this.feature = feature;
        this.flags = flags;
    }

    /** The persistent identity. */
    public String pid() {
        return pid;
    }

    /** The feature that must be enabled for this configuration to be produced. */
    public String feature() {
        return feature;
    }

    /** The flags this configuration receives, in property order. */
    public List<Flag<?>> flags() {
        return flags;
    }

    @SafeVarargs
    private static List<Flag<?>> join(List<Flag<?>>... parts) {
        List<Flag<?>> joined = new ArrayList<>();
        for (List<Flag<?>> part : parts) {
            part.stream().filter(flag -> !joined.contains(flag)).forEach(joined::add);
        }
        return List.copyOf(joined);
    }

    private static List<Flag<?>> without(List<Flag<?>> flags, Flag<?> excluded) {
        return flags.stream().filter(flag -> flag != excluded).toList();
    }
}
