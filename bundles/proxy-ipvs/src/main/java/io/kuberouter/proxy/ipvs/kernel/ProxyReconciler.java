package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.ipvs.plan.DesiredIpvs;
import io.kuberouter.proxy.ipvs.plan.IpvsDiff;
import io.kuberouter.proxy.ipvs.plan.IpvsEntry;
import io.kuberouter.proxy.ipvs.plan.IpvsState;
import io.kuberouter.proxy.ipvs.plan.KeyPlan;
import io.kuberouter.proxy.model.NodeContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The only part of the proxy that writes to the kernel. A full round ({@link FullRound}) reads the kernel
 * and writes every difference; an incremental round writes only what the changed virtual services need,
 * diffed against what the last round wrote, without reading anything back. Any failure makes the next
 * round full.
 *
 * <p>Threading: not thread-safe; call from the sync thread (the thread must be in the node's namespace).
 */
public final class ProxyReconciler {

    /** The CNI bridge of the node's pods, whose {@code rp_filter} the proxy loosens too. */
    static final String POD_BRIDGE = "kube-bridge";

    private final ProxyOptions options;
    private final IpvsOwnership ownership;
    private final DrainQueue drains = new DrainQueue();
    private final IpvsWriter writer = new IpvsWriter(drains);
    private final ProxySysctls sysctls = new ProxySysctls();
    private AppliedState applied;
    private volatile BooleanSupplier mayPrune = () -> true;

    public ProxyReconciler(ProxyOptions options) {
        this.options = options;
        this.ownership = options.ownership();
    }

    /**
     * A full round deletes stale objects it did not write itself only while {@code gate} says so (the capability
     * owners' shared gate); without one, always.
     */
    public void pruneWhen(BooleanSupplier gate) {
        mayPrune = gate;
    }

    /** True until a full round succeeded, and again after any failure. */
    public boolean needsFull() {
        return applied == null;
    }

    /** True while destinations drain: {@link #sweep} must run every few seconds. */
    public boolean draining() {
        return !drains.isEmpty();
    }

    /** Prepares the node (sysctls, dummy link, IPVS timeouts) and writes every difference. */
    public void full(ProxyKernel kernel, DesiredIpvs desired, NodeContext node, LocalAddresses local,
            GracePeriods grace, Instant now) throws KernelException {
        FullRound.Pruning pruning = new FullRound.Pruning(mayPrune.getAsBoolean(), applied);
        applied = null;
        DummyInterface.ensure(kernel);
        List<String> looseLinks = new ArrayList<>(List.of(ProxyNames.DUMMY_LINK));
        if (local.links().containsValue(POD_BRIDGE)) {
            looseLinks.add(POD_BRIDGE);
        }
        node.nodeIp(IpFamily.IPV4).flatMap(local::linkOf).ifPresent(looseLinks::add);
        sysctls.apply(kernel.sysctls(), looseLinks);
        sysctls.sloppyTcp(kernel.sysctls(), FullRound.needsSloppyTcp(desired));
        if (options.timeouts().tcp() + options.timeouts().tcpFin() + options.timeouts().udp() > 0) {
            kernel.ipvs().setTimeouts(options.timeouts());
        }
        applied = new FullRound(options, ownership, writer).run(kernel, desired, node, grace, now, pruning);
    }

    /**
     * Writes what the virtual services in {@code changed} need.
     *
     * @throws IllegalStateException when no full round has succeeded since the last failure
     */
    public int incremental(ProxyKernel kernel, DesiredIpvs desired, Set<ServiceKey> changed, NodeContext node,
            GracePeriods grace, Instant now) throws KernelException {
        if (applied == null) {
            throw new IllegalStateException("an incremental round needs a successful full round first");
        }
        AppliedState state = applied;
        applied = null;
        Touched touched = Touched.of(changed, state, desired);
        bindVips(kernel, touched, desired, node, state);
        writeSets(kernel, touched, desired, state);
        List<KeyPlan> plans = new ArrayList<>(changed.size());
        for (ServiceKey key : changed) {
            IpvsEntry wanted = desired.entry(key);
            plans.add(IpvsDiff.plan(key, state.ipvs.get(key), wanted == null ? null : wanted.state(),
                    options.gracefulTermination()));
            state.entries.remove(key);
            Optional.ofNullable(wanted).ifPresent(w -> state.entries.put(key, w));
        }
        int ops = writer.write(kernel, plans, state.ipvs, grace, now);
        unbindVips(kernel, touched, desired, state);
        applied = state;
        return ops;
    }

    /** Deletes drained destinations whose connections are gone or whose grace period ended. */
    public int sweep(ProxyKernel kernel, Instant now) throws KernelException {
        if (applied == null || drains.isEmpty()) {
            return 0;
        }
        AppliedState state = applied;
        applied = null;
        int ops = writer.write(kernel, DrainSweep.plans(kernel, drains, state, now), state.ipvs,
                GracePeriods.fixed(options.gracefulPeriod()), now);
        applied = state;
        return ops;
    }

    /** Removes every IPVS service, VIP, rule and set the proxy owns (capability stopped). */
    public void removeAll(ProxyKernel kernel) throws KernelException {
        applied = null;
        drains.clear();
        List<KeyPlan> plans = new ArrayList<>();
        ownedVirtualServers(kernel).forEach((key, state) -> plans.add(IpvsDiff.plan(key, state, null, false)));
        writer.write(kernel, plans, new HashMap<>(), GracePeriods.fixed(options.gracefulPeriod()), Instant.now());
        DummyInterface.remove(kernel);
        for (IpFamily family : options.families()) {
            AddressFamily af = family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
            String filter = ServiceFirewall.removeFilter(family, FullRound.saved(kernel, af, "filter"));
            if (!filter.isEmpty()) {
                kernel.iptables().restore(af, "filter", filter, true);
            }
            MasqueradeWriter.write(kernel, af, FullRound.saved(kernel, af, "nat"), List.of());
        }
        String sets = ServiceSets.destroy(kernel.ipsets().names());
        if (!sets.isEmpty()) {
            kernel.ipsets().restore(sets);
        }
    }

    /** The owned virtual servers; none where the kernel has no IPVS (ip_vs not loaded: its netlink family is absent). */
    private Map<ServiceKey, IpvsState> ownedVirtualServers(ProxyKernel kernel) throws KernelException {
        try {
            return IpvsInventory.read(kernel.ipvs(), ownership);
        } catch (KernelException e) {
            if (!e.is(Errno.ENOENT)) {
                throw e;
            }
            return Map.of();
        }
    }

    private void bindVips(ProxyKernel kernel, Touched touched, DesiredIpvs desired, NodeContext node,
            AppliedState state) throws KernelException {
        for (var vip : touched.addresses()) {
            if (desired.binds(vip) && !state.vips.contains(vip)) {
                DummyInterface.bind(kernel, vip, FullRound.nodeIp(node, vip));
                state.vips.add(vip);
            }
        }
    }

    private void unbindVips(ProxyKernel kernel, Touched touched, DesiredIpvs desired, AppliedState state)
            throws KernelException {
        for (var vip : touched.addresses()) {
            if (!desired.binds(vip) && state.vips.remove(vip)) {
                DummyInterface.unbind(kernel, vip);
            }
        }
    }

    private static void writeSets(ProxyKernel kernel, Touched touched, DesiredIpvs desired, AppliedState state)
            throws KernelException {
        List<String> addIps = new ArrayList<>();
        List<String> delIps = new ArrayList<>();
        List<String> addPorts = new ArrayList<>();
        List<String> delPorts = new ArrayList<>();
        for (var ip : touched.addresses()) {
            if (desired.serves(ip) != state.serviceIps.contains(ip)) {
                (desired.serves(ip) ? addIps : delIps).add(IpPrefix.text(ip));
            }
        }
        for (String entry : touched.portEntries()) {
            if (desired.servesPort(entry) != state.portEntries.contains(entry)) {
                (desired.servesPort(entry) ? addPorts : delPorts).add(entry);
            }
        }
        String script = ServiceSets.delta(addIps, delIps, addPorts, delPorts);
        if (!script.isEmpty()) {
            kernel.ipsets().restore(script);
        }
        delIps.forEach(ip -> state.serviceIps.remove(IpPrefix.address(ip)));
        addIps.forEach(ip -> state.serviceIps.add(IpPrefix.address(ip)));
        state.portEntries.removeAll(delPorts);
        state.portEntries.addAll(addPorts);
    }
}
