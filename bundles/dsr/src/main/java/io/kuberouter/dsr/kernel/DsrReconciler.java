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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that writes DSR's kernel state: per family the mangle rules ({@link MangleWriter}) and the
 * policy routing ({@link PolicyRouting}) of the node, and the tunnel of each local endpoint pod
 * ({@link PodTunnels}). It remembers which pods it configured so that it removes exactly those tunnels when a
 * pod stops being a DSR endpoint and when DSR stops. A pod whose namespace cannot be found or programmed is
 * logged once and retried at the next sync; the other pods and the node's rules are programmed regardless.
 * Not thread-safe: called on the DSR runner's thread (or after it stopped).
 */
public final class DsrReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(DsrReconciler.class);
    /** Ethernet's MTU, used when the node's interface cannot be found. */
    private static final int DEFAULT_MTU = 1500;

    private final Set<IpFamily> families;
    private final PodNetnsFinder finder;
    private final Map<String, Configured> configured = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final DsrKernel kernel;
    private final PodTunnels tunnels;

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

    /**
     * Programs {@code desired}.
     *
     * @param nodeIps the node's best IP per family (to find the interface whose MTU bounds the MSS)
     */
    public void apply(DesiredDsr desired, Map<IpFamily, String> nodeIps) throws KernelException {
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
            MangleWriter.write(kernel.iptables(), af, rules);
            PolicyRouting.write(kernel.rules(), kernel.routes(), af, marks);
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

    /** Removes everything DSR owns: its mangle rules, rules and tables 78/79, and the pod tunnels it made. */
    public void removeAll() throws KernelException {
        for (IpFamily family : families) {
            AddressFamily af = family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
            MangleWriter.write(kernel.iptables(), af, Set.of());
            PolicyRouting.write(kernel.rules(), kernel.routes(), af, Set.of());
        }
        for (String podIp : Set.copyOf(configured.keySet())) {
            removeTunnel(podIp);
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
