package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel parameters kube-router's proxy sets (behaviour inventory §3.5): IPVS connection tracking on,
 * expire connections to dead or quiescent destinations, no connection reuse special-casing, ARP answers only
 * for the asking interface's addresses with the best local source, and {@code rp_filter} loosened from 1
 * (strict) to 2 (loose) on {@code all}, the pod bridge, the dummy link and the node's interface. A parameter
 * that does not exist or cannot be written is logged once and skipped, as upstream.
 */
final class ProxySysctls {

    private static final Logger LOG = LoggerFactory.getLogger(ProxySysctls.class);
    private static final Map<String, String> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("net/ipv4/vs/conntrack", "1");
        FIXED.put("net/ipv4/vs/expire_nodest_conn", "1");
        FIXED.put("net/ipv4/vs/expire_quiescent_template", "1");
        FIXED.put("net/ipv4/vs/conn_reuse_mode", "0");
        FIXED.put("net/ipv4/conf/all/arp_ignore", "1");
        FIXED.put("net/ipv4/conf/all/arp_announce", "2");
    }

    private final Set<String> reported = new HashSet<>();

    /** Sets the fixed parameters and loosens {@code rp_filter} on {@code all} and {@code links}. */
    void apply(Sysctls sysctls, List<String> links) {
        FIXED.forEach((key, value) -> set(sysctls, key, value));
        loosenReversePathFilter(sysctls, "all");
        links.forEach(link -> loosenReversePathFilter(sysctls, link));
    }

    /** {@code net/ipv4/vs/sloppy_tcp}: on iff some DSR service uses maglev hashing. */
    void sloppyTcp(Sysctls sysctls, boolean on) {
        set(sysctls, "net/ipv4/vs/sloppy_tcp", on ? "1" : "0");
    }

    private void loosenReversePathFilter(Sysctls sysctls, String link) {
        String key = Sysctls.key("net", "ipv4", "conf", link, "rp_filter");
        try {
            if ("1".equals(sysctls.get(key))) {
                sysctls.set(key, "2");
            }
        } catch (KernelException e) {
            report(key, e);
        }
    }

    private void set(Sysctls sysctls, String key, String value) {
        try {
            if (!value.equals(sysctls.get(key))) {
                sysctls.set(key, value);
            }
        } catch (KernelException e) {
            report(key, e);
        }
    }

    private void report(String key, KernelException e) {
        if (reported.add(key)) {
            LOG.warn("could not set {}: {}; continuing without it", key, e.getMessage());
        }
    }
}
