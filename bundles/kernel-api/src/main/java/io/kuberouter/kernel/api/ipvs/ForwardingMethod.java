package io.kuberouter.kernel.api.ipvs;

/** How IPVS forwards to a destination ({@code IP_VS_CONN_F_FWD_MASK} values). */
public enum ForwardingMethod {
    /** NAT (0). */
    MASQ(0),
    /** Local node (1). */
    LOCAL(1),
    /** IP-in-IP tunnel (2), used for DSR. */
    TUNNEL(2),
    /** Direct routing (3). */
    ROUTE(3),
    /** Bypass (4). */
    BYPASS(4);

    private final int code;

    ForwardingMethod(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The method of a connection-flags word (only the low 3 bits are read). */
    public static ForwardingMethod of(int flags) {
        int c = flags & 0x7;
        for (ForwardingMethod m : values()) {
            if (m.code == c) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown forwarding method " + c);
    }
}
