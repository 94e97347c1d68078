package io.kuberouter.dsr.kernel;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.dsr.model.PodTunnel;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.TunnelMode;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The tunnel end inside a pod's namespace, as upstream's {@code configureContainerForDSR} (behaviour inventory
 * §3.7 item 7): a receive-any {@code ipip} link {@code kube-tunnel-if} with local address the pod IP (IPv6:
 * {@code ip6tnl} {@code kube-tunnel-v6}), up, holding exactly the DSR VIPs the pod serves, and
 * {@code rp_filter=0} on it, on {@code eth0} (the pod interface upstream assumes) and on {@code all}, because
 * the decapsulated packets come from clients the pod routes through {@code eth0}. The tunnel keeps the kernel's
 * default MTU (outer MTU - 20), as upstream; the MSS clamp on the node covers the client's direction.
 */
final class PodTunnels {

    private final DsrKernel kernel;

    PodTunnels(DsrKernel kernel) {
        this.kernel = kernel;
    }

    /** Creates or corrects the tunnel in {@code ns}. */
    void ensure(NetnsRef ns, PodTunnel tunnel) throws KernelException {
        kernel.netns().call(ns, () -> {
            String link = tunnel.link();
            if (kernel.links().get(link).isEmpty()) {
                TunnelMode mode = tunnel.family() == IpFamily.IPV4 ? TunnelMode.IPIP : TunnelMode.IP6IP6;
                kernel.links().add(new LinkSpec.IpTunnel(link, 0, mode, IpPrefix.address(tunnel.podIp()),
                        Optional.empty(), 0));
            }
            kernel.links().setUp(link, true);
            Set<IpPrefix> wanted = new HashSet<>();
            tunnel.vips().forEach(v -> wanted.add(IpPrefix.host(IpPrefix.address(v))));
            for (Address address : kernel.addresses().list(link)) {
                if (!wanted.remove(address.prefix()) && !address.prefix().address().isLinkLocalAddress()) {
                    kernel.addresses().delete(address);
                }
            }
            for (IpPrefix vip : wanted) {
                kernel.addresses().add(Address.of(link, vip));
            }
            if (tunnel.family() == IpFamily.IPV4) {
                for (String dev : new String[] {link, "eth0", "all"}) {
                    disableReversePathFilter(dev);
                }
            }
            return null;
        });
    }

    /** Deletes the tunnel {@code link} in {@code ns}; a namespace or link already gone is fine. */
    void remove(NetnsRef ns, String link) throws KernelException {
        if (!kernel.netns().exists(ns)) {
            return;
        }
        kernel.netns().call(ns, () -> {
            if (kernel.links().get(link).isPresent()) {
                kernel.links().delete(link);
            }
            return null;
        });
    }

    private void disableReversePathFilter(String dev) throws KernelException {
        try {
            kernel.sysctls().set(Sysctls.key("net", "ipv4", "conf", dev, "rp_filter"), "0");
        } catch (KernelException e) {
            if (!e.is(Errno.ENOENT)) {
                throw e;
            }
        }
    }
}
