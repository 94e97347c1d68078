package io.kuberouter.kernel.api.link;

/** Encapsulation of an IP tunnel link. */
public enum TunnelMode {
    /** IPv4 in IPv4, link kind {@code ipip}. */
    IPIP("ipip"),
    /** IPv6 in IPv6, link kind {@code ip6tnl} mode {@code ip6ip6}. */
    IP6IP6("ip6tnl"),
    /** IPv4 in IPv6, link kind {@code ip6tnl} mode {@code ipip6}. */
    IPIP6("ip6tnl");

    private final String kind;

    TunnelMode(String kind) {
        this.kind = kind;
    }

    /** The {@code IFLA_INFO_KIND} of links in this mode. */
    public String kind() {
        return kind;
    }
}
