package io.kuberouter.api.cluster;

/** IP address families. */
public enum IpFamily {
    IPV4, IPV6;

    /** The family of a textual IP address or CIDR: IPv6 iff it contains a colon. */
    public static IpFamily of(String address) {
        return address.indexOf(':') >= 0 ? IPV6 : IPV4;
    }
}
