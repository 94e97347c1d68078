package io.kuberouter.hairpin.kernel;

import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.netns.Netns;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The kernel services hairpin uses; only {@link HairpinReconciler} calls them.
 *
 * @param sysfs the node's sysfs root (bridge ports' {@code hairpin_mode}), {@code /sys} on a node
 */
public record HairpinKernel(Iptables iptables, Addresses addresses, Netns netns, Path sysfs) {

    public HairpinKernel {
        Objects.requireNonNull(iptables, "iptables");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(sysfs, "sysfs");
    }
}
