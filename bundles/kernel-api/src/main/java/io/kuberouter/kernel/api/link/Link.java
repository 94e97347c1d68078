package io.kuberouter.kernel.api.link;

import java.util.Objects;

/**
 * A network interface as the kernel reports it.
 *
 * @param index interface index (&gt; 0)
 * @param name interface name (1..15 characters)
 * @param kind {@code IFLA_INFO_KIND} ({@code veth}, {@code bridge}, {@code dummy}, {@code ipip},
 *        {@code ip6tnl}, ...), or empty for devices without one (physical NICs, {@code lo})
 * @param mtu current MTU
 * @param up administratively up ({@code IFF_UP})
 * @param masterIndex index of the bridge/bond this link is enslaved to, 0 if none
 */
public record Link(int index, String name, String kind, int mtu, boolean up, int masterIndex) {

    public Link {
        if (index <= 0) {
            throw new IllegalArgumentException("link index must be > 0: " + index);
        }
        LinkSpec.checkName(name);
        Objects.requireNonNull(kind, "kind");
        if (mtu < 0 || masterIndex < 0) {
            throw new IllegalArgumentException("negative mtu or master index");
        }
    }
}
