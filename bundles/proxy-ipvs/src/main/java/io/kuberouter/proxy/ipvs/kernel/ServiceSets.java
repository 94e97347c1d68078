package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IpsetBatch;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The proxy's ipsets (behaviour inventory §3.6) as {@code ipset restore} scripts: {@code kube-router-svip}
 * (service addresses), {@code kube-router-svip-prt} ({@link
 * io.kuberouter.proxy.ipvs.plan.IpvsEntry#portEntry()}) and {@code kube-router-local-ips}, each per family, {@code timeout 0} like
 * upstream's. Whole sets are replaced through a temporary set and {@code swap}, so the firewall rules never
 * see a half-filled set.
 */
public final class ServiceSets {

    private static final List<String> BASES =
            List.of(ProxyNames.SERVICE_IPS, ProxyNames.SERVICE_IP_PORTS, ProxyNames.LOCAL_IPS);

    private ServiceSets() {
    }

    /** Sets the content of every set of every enabled family; the sets are created when missing. */
    public static String replaceAll(Set<IpFamily> families, Collection<String> serviceIps,
            Collection<String> portEntries, Collection<String> localIps) {
        IpsetBatch batch = new IpsetBatch();
        for (IpFamily family : families) {
            batch.replace(spec(ProxyNames.SERVICE_IPS, family), ofFamily(serviceIps, family));
            batch.replace(spec(ProxyNames.SERVICE_IP_PORTS, family), ofFamily(portEntries, family));
            batch.replace(spec(ProxyNames.LOCAL_IPS, family), ofFamily(localIps, family));
        }
        return batch.script();
    }

    /** Adds and deletes single entries of the service sets; the sets must exist. */
    public static String delta(List<String> addIps, List<String> delIps, List<String> addPorts, List<String> delPorts) {
        IpsetBatch batch = new IpsetBatch();
        delIps.forEach(e -> batch.del(name(ProxyNames.SERVICE_IPS, e), e));
        delPorts.forEach(e -> batch.del(name(ProxyNames.SERVICE_IP_PORTS, e), e));
        addIps.forEach(e -> batch.add(name(ProxyNames.SERVICE_IPS, e), e));
        addPorts.forEach(e -> batch.add(name(ProxyNames.SERVICE_IP_PORTS, e), e));
        return batch.script();
    }

    /** Destroys every proxy set among {@code existing}. */
    public static String destroy(Collection<String> existing) {
        IpsetBatch batch = new IpsetBatch();
        for (IpFamily family : IpFamily.values()) {
            BASES.stream().map(b -> ProxyNames.set(b, family)).filter(existing::contains).forEach(batch::destroy);
        }
        return batch.script();
    }

    /** True for the names of the proxy's sets. */
    public static boolean owned(String set) {
        return BASES.stream().anyMatch(b -> set.equals(b) || set.equals(ProxyNames.INET6 + b));
    }

    private static IpsetSpec spec(String base, IpFamily family) {
        String type = base.equals(ProxyNames.SERVICE_IP_PORTS) ? "hash:ip,port" : "hash:ip";
        return IpsetSpec.of(ProxyNames.set(base, family), type,
                family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6);
    }

    private static String name(String base, String entry) {
        return ProxyNames.set(base, family(entry));
    }

    private static List<String> ofFamily(Collection<String> entries, IpFamily family) {
        return entries.stream().filter(e -> family(e) == family).sorted().toList();
    }

    /** The family of an entry: its address part (before a comma) holds a colon for IPv6. */
    private static IpFamily family(String entry) {
        int comma = entry.indexOf(',');
        return IpFamily.of(comma < 0 ? entry : entry.substring(0, comma));
    }
}
