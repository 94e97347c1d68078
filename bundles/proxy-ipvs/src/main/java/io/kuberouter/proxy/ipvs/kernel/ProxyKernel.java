package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.conntrack.Conntrack;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import java.util.Objects;

/** The kernel services the proxy programs through, all of them present. */
public record ProxyKernel(Ipvs ipvs, Links links, Addresses addresses, Routes routes, Conntrack conntrack,
        Sysctls sysctls, Iptables iptables, Ipsets ipsets) {

    public ProxyKernel {
        Objects.requireNonNull(ipvs, "ipvs");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(conntrack, "conntrack");
        Objects.requireNonNull(sysctls, "sysctls");
        Objects.requireNonNull(iptables, "iptables");
        Objects.requireNonNull(ipsets, "ipsets");
    }
}
