package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.conntrack.Conntrack;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import io.kuberouter.proxy.ipvs.kernel.ProxyKernel;
import java.util.Objects;

/**
 * The kernel services as DS binds and unbinds them, dynamically: while any one is missing (its bundle is being
 * updated) {@link #current()} is {@code null} and the proxy pauses instead of tearing anything down. Every
 * (re)bind asks for a full sync, since the kernel may have changed meanwhile. Thread-safe.
 */
public final class KernelBindings {

    private volatile Runnable fullSyncRequest = () -> { };
    private volatile Ipvs ipvs;
    private volatile Links links;
    private volatile Addresses addresses;
    private volatile Routes routes;
    private volatile Conntrack conntrack;
    private volatile Sysctls sysctls;
    private volatile Iptables iptables;
    private volatile Ipsets ipsets;

    /** Who to tell when a service is (re)bound: the running controller, which then syncs in full. */
    public void listen(Runnable fullSyncRequest) {
        this.fullSyncRequest = fullSyncRequest;
    }

    /** All services, or {@code null} while one is missing. */
    public ProxyKernel current() {
        Ipvs i = ipvs;
        Links l = links;
        Addresses a = addresses;
        Routes r = routes;
        Conntrack c = conntrack;
        Sysctls s = sysctls;
        Iptables t = iptables;
        Ipsets p = ipsets;
        boolean complete = i != null && l != null && a != null && r != null && c != null && s != null && t != null
                && p != null;
        return complete ? new ProxyKernel(i, l, a, r, c, s, t, p) : null;
    }

    public void ipvs(Ipvs service, boolean bound) {
        ipvs = swap(ipvs, service, bound);
        requestIfBound(bound);
    }

    public void links(Links service, boolean bound) {
        links = swap(links, service, bound);
        requestIfBound(bound);
    }

    public void addresses(Addresses service, boolean bound) {
        addresses = swap(addresses, service, bound);
        requestIfBound(bound);
    }

    public void routes(Routes service, boolean bound) {
        routes = swap(routes, service, bound);
        requestIfBound(bound);
    }

    public void conntrack(Conntrack service, boolean bound) {
        conntrack = swap(conntrack, service, bound);
        requestIfBound(bound);
    }

    public void sysctls(Sysctls service, boolean bound) {
        sysctls = swap(sysctls, service, bound);
        requestIfBound(bound);
    }

    public void iptables(Iptables service, boolean bound) {
        iptables = swap(iptables, service, bound);
        requestIfBound(bound);
    }

    public void ipsets(Ipsets service, boolean bound) {
        ipsets = swap(ipsets, service, bound);
        requestIfBound(bound);
    }

    /** Binds every service of {@code kernel} at once (tests, benchmarks). */
    public void bindAll(ProxyKernel kernel) {
        Objects.requireNonNull(kernel, "kernel");
        ipvs = kernel.ipvs();
        links = kernel.links();
        addresses = kernel.addresses();
        routes = kernel.routes();
        conntrack = kernel.conntrack();
        sysctls = kernel.sysctls();
        iptables = kernel.iptables();
        ipsets = kernel.ipsets();
        fullSyncRequest.run();
    }

    /** The new value of a field: {@code service} when bound, {@code null} when the bound one goes. */
    private static <T> T swap(T current, T service, boolean bound) {
        if (bound) {
            return service;
        }
        return current == service ? null : current;
    }

    private void requestIfBound(boolean bound) {
        if (bound) {
            fullSyncRequest.run();
        }
    }
}
