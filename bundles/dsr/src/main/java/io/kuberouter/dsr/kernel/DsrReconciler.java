package io.kuberouter.dsr.kernel;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.dsr.model.DesiredDsr;
import io.kuberouter.dsr.model.DsrFrontend;
import io.kuberouter.dsr.model.PodTunnel;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.proxy.pods.PodNetnsFinder;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that writes DSR's kernel state: per family the mangle rules ({@link MangleWriter}) and the
 * policy routing ({@link PolicyRouting}) of the node, and the tunnel of each local endpoint pod
 * ({@link PodTunnels}). It remembers which pods it configured so that it removes exactly those tunnels when a
 * pod stops being a DSR endpoint and when DSR stops. A pod whose namespace cannot be found or programmed is
 * logged once and retried at the next sync; the other pods and the node's rules are programmed regardless. Stale
 * mangle and {@code fwmark} rules it did not write itself (an earlier process's) are deleted only while
 * {@link #pruneWhen the prune gate} is open.
 * Not thread-safe: called on the DSR runner's thread (or after it stopped).
 */
public final class DsrReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(DsrReconciler.class);
    /** Ethernet's MTU, used when the node's interface cannot be found. */
    private static final int DEFAULT_MTU = 1500;
    /** The CNI bridge of the node's pods (kube-router's CNI conf): its subnets are the node's pod CIDRs. */
    private static final String POD_BRIDGE = "kube-bridge";

    private final Set<IpFamily> families;
    private final PodNetnsFinder finder;
    private final Map<String, Configured> configured = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final DsrKernel kernel;
    private final PodTunnels tunnels;
    private final Map<IpFamily, Set<MangleRule>> writtenRules = new HashMap<>();
    private final Map<IpFamily, Set<Integer>> writtenMarks = new HashMap<>();
    private volatile BooleanSupplier mayPrune = () -> true;

    /** A pod tunnel this reconciler created: where, and what it holds. */
    private record Configured(NetnsRef ns, PodTunnel tunnel) {
    }

    public DsrReconciler(DsrKernel kernel, Set<IpFamily> families) {
        this(kernel, families, Path.of("/run/netns"), Path.of("/proc"));
    }

    DsrReconciler(DsrKernel kernel, Set<IpFamily> families, Path runNetns, Path proc) {
        this.kernel = kernel;
        this.families = Set.copyOf(families);
        this.finder = new PodNetnsFinder(kernel.netns(), kernel.addresses(), runNetns, proc, Duration.ZERO);
        this.tunnels = new PodTunnels(kernel);
    }

    /** Prunes only while {@code gate} says so (the capability owners' shared gate); without one, always. */
    public void pruneWhen(BooleanSupplier gate) {
        mayPrune = gate;
    }

    /**
     * Programs {@code desired}.
     *
     * @param nodeIps the node's best IP per family (to find the interface whose MTU bounds the MSS)
     */
    public void apply(DesiredDsr desired, Map<IpFamily, String> nodeIps) throws KernelException {
        boolean prune = mayPrune.getAsBoolean();
        for (IpFamily family : families) {
            Set<MangleRule> rules = new LinkedHashSet<>();
            Set<Integer> marks = new TreeSet<>();
            int mss = mss(family, nodeIps.get(family));
            for (DsrFrontend frontend : desired.frontends()) {
                if (frontend.family() == family) {
                    rules.addAll(MangleRule.of(frontend, mss));
                    marks.add(frontend.fwmark());
                }
            }
            AddressFamily af = family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
            Set<MangleRule> ownRules = writtenRules.getOrDefault(family, Set.of());
            Set<Integer> ownMarks = writtenMarks.getOrDefault(family, Set.of());
            MangleWriter.write(kernel.iptables(), af, rules, rule -> prune || ownRules.contains(rule));
            writtenRules.put(family, rules);
            PolicyRouting.write(kernel.rules(), kernel.routes(), af, marks, mark -> prune || ownMarks.contains(mark));
            writtenMarks.put(family, marks);
        }
        desired.skipped().forEach(this::reportOnce);
        for (PodTunnel tunnel : desired.tunnels().values()) {
            Configured done = configured.get(tunnel.podIp());
            if (done != null && done.tunnel().equals(tunnel) && kernel.netns().exists(done.ns())) {
                continue;
            }
            Optional<NetnsRef> ns = finder.find(tunnel.podIp());
            if (ns.isEmpty()) {
                reportOnce("endpoint " + tunnel.podIp() + " (pod " + tunnel.pod() + "): no network namespace on "
                        + "this node holds this IP; no DSR tunnel for it yet");
                continue;
            }
            try {
                tunnels.ensure(ns.get(), tunnel);
                configured.put(tunnel.podIp(), new Configured(ns.get(), tunnel));
                LOG.info("DSR tunnel {} in pod {} ({}) holds {}", tunnel.link(), tunnel.pod(), ns.get(),
                        tunnel.vips());
            } catch (KernelException e) {
                finder.forget(tunnel.podIp());
                reportOnce("endpoint " + tunnel.podIp() + " (pod " + tunnel.pod() + "): " + e.getMessage());
            }
        }
        for (String podIp : Set.copyOf(configured.keySet())) {
            if (!desired.tunnels().containsKey(podIp)) {
                removeTunnel(podIp);
            }
        }
    }

    /**
     * Removes everything DSR owns: its mangle rules, rules and tables 78/79, the pod tunnels it made, and the pod
     * tunnels an earlier process made (a process that did not configure them, e.g. {@code --cleanup-config}, finds
     * them in the namespaces holding an address of the node's {@code kube-bridge} subnets: this node's pods).
     */
    public void removeAll() throws KernelException {
        for (IpFamily family : families) {
            AddressFamily af = family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
            MangleWriter.write(kernel.iptables(), af, Set.of(), rule -> true);
            PolicyRouting.write(kernel.rules(), kernel.routes(), af, Set.of(), mark -> true);
        }
        writtenRules.clear();
        writtenMarks.clear();
        for (String podIp : Set.copyOf(configured.keySet())) {
            removeTunnel(podIp);
        }
        if (kernel.links().get(POD_BRIDGE).isEmpty()) {
            return;
        }
        List<IpPrefix> podSubnets = kernel.addresses().list(POD_BRIDGE).stream().map(a -> a.prefix().network())
                .toList();
        for (NetnsRef pod : finder.holdingAddressIn(podSubnets)) {
            tunnels.remove(pod, PodTunnel.LINK_V4);
            tunnels.remove(pod, PodTunnel.LINK_V6);
        }
    }

    /** The pods whose tunnel this reconciler configured, by pod IP. */
    public Set<String> configuredPods() {
        return Set.copyOf(configured.keySet());
    }

    private void removeTunnel(String podIp) {
        Configured done = configured.remove(podIp);
        finder.forget(podIp);
        try {
            tunnels.remove(done.ns(), done.tunnel().link());
            LOG.info("DSR tunnel {} removed from pod {}", done.tunnel().link(), done.tunnel().pod());
        } catch (KernelException e) {
            LOG.warn("could not remove DSR tunnel {} from pod {}: {}", done.tunnel().link(), done.tunnel().pod(),
                    e.getMessage());
        }
    }

    /** Node MTU minus the outer IP header and TCP/IP headers: MTU - 60 (IPv4), MTU - 100 (IPv6), as upstream. */
    private int mss(IpFamily family, String nodeIp) throws KernelException {
        int mtu = nodeIp == null ? DEFAULT_MTU : mtuOf(IpPrefix.address(nodeIp));
        return family == IpFamily.IPV4 ? mtu - 60 : mtu - 100;
    }

    private int mtuOf(InetAddress nodeIp) throws KernelException {
        for (Address address : kernel.addresses().list()) {
            if (address.prefix().address().equals(nodeIp)) {
                Optional<Link> link = kernel.links().get(address.link());
                if (link.isPresent()) {
                    return link.get().mtu();
                }
            }
        }
        reportOnce("node IP " + IpPrefix.text(nodeIp) + " is on no interface; MSS clamp assumes MTU " + DEFAULT_MTU);
        return DEFAULT_MTU;
    }

    private void reportOnce(String line) {
        if (reported.add(line)) {
            LOG.warn("DSR: {}", line);
        }
    }
}
