package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.exec.syntax.IptablesSave;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.proxy.ipvs.plan.DesiredIpvs;
import io.kuberouter.proxy.ipvs.plan.IpvsDiff;
import io.kuberouter.proxy.ipvs.plan.IpvsEntry;
import io.kuberouter.proxy.ipvs.plan.IpvsState;
import io.kuberouter.proxy.ipvs.plan.KeyPlan;
import io.kuberouter.proxy.model.NodeContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One full round (kube-router's {@code doSync}): reads what the kernel has and writes only the differences,
 * never flushing: ipsets replaced by swap, the guard chain rewritten in one {@code iptables-restore}, IPVS
 * services and destinations diffed against the table read back (stale owned ones deleted), VIPs and their
 * routes diffed against kube-dummy-if. What the kernel already has is adopted as is. Stale virtual services and
 * VIPs that the last round did not write (an earlier process's) are deleted only while the owners' prune gate
 * is open ({@link Pruning}).
 */
final class FullRound {

    private final ProxyOptions options;
    private final IpvsOwnership ownership;
    private final IpvsWriter writer;

    FullRound(ProxyOptions options, IpvsOwnership ownership, IpvsWriter writer) {
        this.options = options;
        this.ownership = ownership;
        this.writer = writer;
    }

    /**
     * Which stale objects a round deletes: those the last successful round wrote, and while the prune gate is
     * open every stale one the proxy owns.
     *
     * @param previous the last successful round's state, {@code null} when unknown
     */
    record Pruning(boolean gateOpen, AppliedState previous) {

        boolean deletes(ServiceKey key) {
            return gateOpen || previous != null && previous.ipvs.containsKey(key);
        }

        boolean unbinds(InetAddress vip) {
            return gateOpen || previous != null && previous.vips.contains(vip);
        }
    }

    /** Writes everything; returns the state the kernel now holds. */
    AppliedState run(ProxyKernel kernel, DesiredIpvs desired, NodeContext node, GracePeriods grace, Instant now,
            Pruning pruning) throws KernelException {
        AppliedState next = new AppliedState();
        writeSets(kernel, desired, node, next);
        writeFirewall(kernel, node);
        writeIpvs(kernel, desired, grace, now, next, pruning);
        writeVips(kernel, desired, node, next, pruning);
        return next;
    }

    private void writeSets(ProxyKernel kernel, DesiredIpvs desired, NodeContext node, AppliedState next)
            throws KernelException {
        List<String> serviceIps = desired.frontendAddresses().stream().map(IpPrefix::text).toList();
        kernel.ipsets().restore(ServiceSets.replaceAll(options.families(), serviceIps, desired.portEntries(),
                node.localAddresses()));
        next.serviceIps.addAll(desired.frontendAddresses());
        next.portEntries.addAll(desired.portEntries());
    }

    private void writeFirewall(ProxyKernel kernel, NodeContext node) throws KernelException {
        for (IpFamily family : options.families()) {
            AddressFamily af = family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
            IptablesTable filter = saved(kernel, af, "filter");
            kernel.iptables().restore(af, "filter", ServiceFirewall.filter(family, filter, options.permitAll()), true);
            Optional<String> nodeIp = node.nodeIp(family);
            if (nodeIp.isPresent()) {
                List<String> cidrs = node.podCidrs().stream().filter(c -> IpFamily.of(c) == family).toList();
                MasqueradeWriter.write(kernel, af, saved(kernel, af, "nat"),
                        ServiceFirewall.masquerade(nodeIp.get(), cidrs, options.masqueradeAll()));
            }
        }
    }

    private void writeIpvs(ProxyKernel kernel, DesiredIpvs desired, GracePeriods grace, Instant now,
            AppliedState next, Pruning pruning) throws KernelException {
        Map<ServiceKey, IpvsState> present = IpvsInventory.read(kernel.ipvs(), ownership);
        List<KeyPlan> plans = new ArrayList<>(desired.entries().size() + 16);
        for (Map.Entry<ServiceKey, IpvsEntry> e : desired.entries().entrySet()) {
            plans.add(IpvsDiff.plan(e.getKey(), present.remove(e.getKey()), e.getValue().state(),
                    options.gracefulTermination()));
        }
        present.forEach((key, stale) -> {
            if (pruning.deletes(key)) {
                plans.add(IpvsDiff.plan(key, stale, null, options.gracefulTermination()));
            }
        });
        writer.write(kernel, plans, next.ipvs, grace, now);
        next.entries.putAll(desired.entries());
    }

    private void writeVips(ProxyKernel kernel, DesiredIpvs desired, NodeContext node, AppliedState next,
            Pruning pruning) throws KernelException {
        Set<InetAddress> have = DummyInterface.bound(kernel);
        Map<InetAddress, Set<Optional<InetAddress>>> sources = routeSources(kernel);
        for (InetAddress vip : desired.boundAddresses()) {
            Optional<InetAddress> nodeIp = nodeIp(node, vip);
            if (!have.remove(vip) || nodeIp.isPresent() && !sourcesRight(vip, nodeIp, sources.get(vip))) {
                DummyInterface.bind(kernel, vip, nodeIp);
            }
        }
        for (InetAddress stale : have) {
            if (pruning.unbinds(stale)) {
                DummyInterface.unbind(kernel, stale);
            }
        }
        next.vips.addAll(desired.boundAddresses());
    }

    /**
     * True when a local route to {@code vip} has the node IP as source and, for IPv6, no other route to it has
     * another source (those are deleted by {@link DummyInterface#bind}, kube-router #1698).
     */
    private static boolean sourcesRight(InetAddress vip, Optional<InetAddress> nodeIp,
            Set<Optional<InetAddress>> sources) {
        if (sources == null) {
            return false;
        }
        return vip instanceof Inet6Address ? sources.equals(Set.of(nodeIp)) : sources.contains(nodeIp);
    }

    /** The sources of the local-table routes on kube-dummy-if, by destination. */
    private Map<InetAddress, Set<Optional<InetAddress>>> routeSources(ProxyKernel kernel) throws KernelException {
        Map<InetAddress, Set<Optional<InetAddress>>> sources = new HashMap<>();
        for (IpFamily family : options.families()) {
            AddressFamily af = family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
            for (Route r : kernel.routes().list(new RouteFilter(af, Route.TABLE_LOCAL, 0,
                    Optional.of(ProxyNames.DUMMY_LINK), Optional.empty()))) {
                sources.computeIfAbsent(r.dst().address(), k -> new HashSet<>()).add(r.src());
            }
        }
        return sources;
    }

    static Optional<InetAddress> nodeIp(NodeContext node, InetAddress vip) {
        IpFamily family = AddressFamily.of(vip) == AddressFamily.INET ? IpFamily.IPV4 : IpFamily.IPV6;
        return node.nodeIp(family).map(IpPrefix::address);
    }

    static IptablesTable saved(ProxyKernel kernel, AddressFamily af, String table) throws KernelException {
        IptablesTable parsed = IptablesSave.parse(kernel.iptables().save(af, table)).get(table);
        return parsed != null ? parsed : IptablesTable.empty(table);
    }

    /** True when some DSR (fwmark) entry uses maglev hashing: {@code sloppy_tcp} must be on (§3.5). */
    static boolean needsSloppyTcp(DesiredIpvs desired) {
        return desired.entries().values().stream().anyMatch(e -> e.key() instanceof ServiceKey.ByFwmark
                && "mh".equals(e.state().service().scheduler()));
    }
}
