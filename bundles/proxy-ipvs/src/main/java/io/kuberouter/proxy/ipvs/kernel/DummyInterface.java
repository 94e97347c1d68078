package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.route.RouteType;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kube-dummy-if} and the VIPs on it (behaviour inventory §3.4): each bound VIP is a /32 or /128
 * address of scope link, and its local-table route is replaced by one whose source is the node's IP of the
 * family, so that the node itself talks to a VIP from its own address (kube-router issue #376). For an IPv6
 * VIP the other local-table routes to it on the link whose source is not the node IP (the ones adding an IPv6
 * address makes the kernel create) are deleted first, as upstream does since kube-router #1698: they would win
 * the source selection and break IPv6 ClusterIPs and external IPs. All calls are idempotent.
 */
final class DummyInterface {

    private DummyInterface() {
    }

    /** Creates the link when missing and sets it up. */
    static void ensure(ProxyKernel kernel) throws KernelException {
        Optional<Link> link = kernel.links().get(ProxyNames.DUMMY_LINK);
        if (link.isEmpty()) {
            kernel.links().add(new LinkSpec.Dummy(ProxyNames.DUMMY_LINK, 0));
        }
        if (link.map(l -> !l.up()).orElse(true)) {
            kernel.links().setUp(ProxyNames.DUMMY_LINK, true);
        }
    }

    /** The VIPs on the link (IPv6 link-local addresses are the kernel's, not VIPs); empty without the link. */
    static Set<InetAddress> bound(ProxyKernel kernel) throws KernelException {
        Set<InetAddress> vips = new HashSet<>();
        if (kernel.links().get(ProxyNames.DUMMY_LINK).isEmpty()) {
            return vips;
        }
        for (Address a : kernel.addresses().list(ProxyNames.DUMMY_LINK)) {
            InetAddress ip = a.prefix().address();
            if (!(ip instanceof Inet6Address && ip.isLinkLocalAddress())) {
                vips.add(ip);
            }
        }
        return vips;
    }

    /** Binds {@code vip} and points its local route's source at {@code nodeIp} when there is one. */
    static void bind(ProxyKernel kernel, InetAddress vip, Optional<InetAddress> nodeIp) throws KernelException {
        try {
            kernel.addresses().add(new Address(ProxyNames.DUMMY_LINK, IpPrefix.host(vip), Scope.LINK));
        } catch (KernelException e) {
            if (!e.is(Errno.EEXIST)) {
                throw e;
            }
        }
        if (nodeIp.isPresent()) {
            if (vip instanceof Inet6Address) {
                deleteOtherSources(kernel, vip, nodeIp.get());
            }
            kernel.routes().replace(localRoute(vip, nodeIp.get()));
        }
    }

    /** Deletes the local-table routes to {@code vip} on the link whose source is not {@code nodeIp} (#1698). */
    private static void deleteOtherSources(ProxyKernel kernel, InetAddress vip, InetAddress nodeIp)
            throws KernelException {
        RouteFilter toVip = new RouteFilter(AddressFamily.INET6, Route.TABLE_LOCAL, 0,
                Optional.of(ProxyNames.DUMMY_LINK), Optional.of(IpPrefix.host(vip)));
        for (Route route : kernel.routes().list(toVip)) {
            if (!route.src().equals(Optional.of(nodeIp))) {
                try {
                    kernel.routes().delete(route);
                } catch (KernelException e) {
                    if (!e.is(Errno.ESRCH)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Unbinds {@code vip} and deletes its local route. */
    static void unbind(ProxyKernel kernel, InetAddress vip) throws KernelException {
        try {
            kernel.addresses().delete(new Address(ProxyNames.DUMMY_LINK, IpPrefix.host(vip), Scope.LINK));
        } catch (KernelException e) {
            if (!e.is(Errno.EADDRNOTAVAIL)) {
                throw e;
            }
        }
        try {
            kernel.routes().delete(localRoute(vip, null));
        } catch (KernelException e) {
            if (!e.is(Errno.ESRCH) && !e.is(Errno.ENODEV)) {
                throw e;
            }
        }
    }

    /** Deletes the link and with it every VIP and route on it. */
    static void remove(ProxyKernel kernel) throws KernelException {
        if (kernel.links().get(ProxyNames.DUMMY_LINK).isPresent()) {
            kernel.links().delete(ProxyNames.DUMMY_LINK);
        }
    }

    /** {@code local VIP dev kube-dummy-if table local proto kernel scope host src NODE_IP}. */
    private static Route localRoute(InetAddress vip, InetAddress nodeIp) {
        Route.Builder route = Route.to(IpPrefix.host(vip)).dev(ProxyNames.DUMMY_LINK).table(Route.TABLE_LOCAL)
                .type(RouteType.LOCAL).protocol(Route.PROTO_KERNEL).scope(Scope.HOST);
        return nodeIp == null ? route.build() : route.src(nodeIp).build();
    }
}
