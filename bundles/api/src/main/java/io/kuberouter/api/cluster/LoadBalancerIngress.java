package io.kuberouter.api.cluster;

/**
 * One {@code status.loadBalancer.ingress[]} entry that has an IP.
 *
 * @param ipMode {@code VIP} (default) or {@code Proxy}
 */
public record LoadBalancerIngress(String ip, String ipMode) {

    public LoadBalancerIngress {
        java.util.Objects.requireNonNull(ip, "ip");
        ipMode = ipMode == null || ipMode.isEmpty() ? "VIP" : ipMode;
    }

    /** True for {@code ipMode: Proxy}, which node proxies must not program. */
    public boolean proxyMode() {
        return "Proxy".equals(ipMode);
    }
}
