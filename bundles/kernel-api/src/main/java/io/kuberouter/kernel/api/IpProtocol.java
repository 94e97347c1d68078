package io.kuberouter.kernel.api;

/** Transport protocols of IPVS services and conntrack entries, with their IANA numbers. */
public enum IpProtocol {
    TCP(6), UDP(17), SCTP(132);

    private final int number;

    IpProtocol(int number) {
        this.number = number;
    }

    /** IANA protocol number ({@code IPPROTO_*}). */
    public int number() {
        return number;
    }

    /** The protocol with this IANA number. */
    public static IpProtocol of(int number) {
        for (IpProtocol p : values()) {
            if (p.number == number) {
                return p;
            }
        }
        throw new IllegalArgumentException("unsupported IP protocol " + number);
    }
}
