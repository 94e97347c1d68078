package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.api.cluster.IpFamily;

/** kube-router's names for the proxy's kernel objects (behaviour inventory §3.4, §3.6). */
public final class ProxyNames {

    /** The dummy link holding every bound VIP. */
    public static final String DUMMY_LINK = "kube-dummy-if";
    /** The filter chain that guards traffic to service IPs. */
    public static final String SERVICES_CHAIN = "KUBE-ROUTER-SERVICES";
    /** hash:ip of every IPVS service address. */
    public static final String SERVICE_IPS = "kube-router-svip";
    /** hash:ip,port of every IPVS service {@code address,protocol:port}. */
    public static final String SERVICE_IP_PORTS = "kube-router-svip-prt";
    /** hash:ip of the node's own addresses. */
    public static final String LOCAL_IPS = "kube-router-local-ips";
    /** Prefix of the IPv6 variant of each set. */
    public static final String INET6 = "inet6:";

    private ProxyNames() {
    }

    /** The name of {@code base} in {@code family}: as is for IPv4, {@code inet6:} + base for IPv6. */
    public static String set(String base, IpFamily family) {
        return family == IpFamily.IPV4 ? base : INET6 + base;
    }
}
