package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import java.util.List;
import java.util.Map;

/**
 * Fake {@link Sysctls} (operation {@code sysctl}). A new namespace has the IPv4/IPv6 forwarding, the
 * {@code conf/all} and {@code conf/default} keys, the IPVS keys kube-router sets, and
 * {@code net/ipv4/conf/NAME/*} plus {@code net/ipv6/conf/NAME/disable_ipv6} for every link. Unknown
 * keys fail with ENOENT; every value must be an integer (EINVAL otherwise). {@link #define} adds keys.
 */
public final class FakeSysctls implements Sysctls {

    private static final String OP = "sysctl";
    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("net/ipv4/ip_forward", "0"),
            Map.entry("net/ipv6/conf/all/forwarding", "0"), Map.entry("net/ipv4/vs/conntrack", "0"),
            Map.entry("net/ipv4/vs/expire_nodest_conn", "0"), Map.entry("net/ipv4/vs/expire_quiescent_template", "0"),
            Map.entry("net/ipv4/vs/conn_reuse_mode", "1"), Map.entry("net/ipv4/vs/sloppy_tcp", "0"),
            Map.entry("net/bridge/bridge-nf-call-iptables", "1"), Map.entry("net/bridge/bridge-nf-call-ip6tables", "1"));
    private static final List<String> PER_LINK_V4 = List.of("rp_filter", "arp_ignore", "arp_announce", "forwarding",
            "accept_local", "route_localnet");

    private final FakeKernel kernel;

    FakeSysctls(FakeKernel kernel) {
        this.kernel = kernel;
    }

    static void defaults(NetnsState ns) {
        ns.sysctls.putAll(DEFAULTS);
        linkAdded(ns, "all");
        linkAdded(ns, "default");
    }

    static void linkAdded(NetnsState ns, String link) {
        PER_LINK_V4.forEach(k -> ns.sysctls.put("net/ipv4/conf/" + link + "/" + k, "0"));
        ns.sysctls.put("net/ipv6/conf/" + link + "/disable_ipv6", "0");
    }

    static void linkRemoved(NetnsState ns, String link) {
        ns.sysctls.keySet().removeIf(k -> k.startsWith("net/ipv4/conf/" + link + "/")
                || k.startsWith("net/ipv6/conf/" + link + "/"));
    }

    /** Creates or overwrites a key in the calling thread's namespace (test setup, no fault check). */
    public void define(String key, String value) {
        synchronized (kernel) {
            kernel.state().sysctls.put(key, value);
        }
    }

    @Override
    public String get(String key) throws KernelException {
        synchronized (kernel) {
            return existing(kernel.enter(OP, key), key);
        }
    }

    @Override
    public void set(String key, String value) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(OP, key);
            existing(ns, key);
            if (!value.strip().matches("-?\\d+")) {
                throw new KernelException(OP, key, Errno.EINVAL.number(), "not an integer: " + value);
            }
            ns.sysctls.put(key, value.strip());
        }
    }

    private static String existing(NetnsState ns, String key) throws KernelException {
        String v = ns.sysctls.get(key);
        if (v == null) {
            throw KernelException.of(OP, key, Errno.ENOENT);
        }
        return v;
    }
}
