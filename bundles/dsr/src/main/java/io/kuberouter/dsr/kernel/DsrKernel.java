package io.kuberouter.dsr.kernel;

import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.netns.Netns;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.api.rule.Rules;
import io.kuberouter.kernel.api.sysctl.Sysctls;
import java.util.Objects;

/** The kernel services DSR programs through; only {@link DsrReconciler} calls them. */
public record DsrKernel(Iptables iptables, Rules rules, Routes routes, Links links, Addresses addresses,
        Sysctls sysctls, Netns netns) {

    public DsrKernel {
        Objects.requireNonNull(iptables, "iptables");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(sysctls, "sysctls");
        Objects.requireNonNull(netns, "netns");
    }
}
