package io.kuberouter.bgp.codec.model;

/**
 * An (AFI, SAFI) pair naming the kind of NLRI a multiprotocol capability, attribute or
 * ROUTE-REFRESH refers to (RFC 4760 §3, IANA "Address Family Numbers" and "SAFI Values").
 *
 * @param afi Address Family Identifier, 16 bits (1 = IPv4, 2 = IPv6)
 * @param safi Subsequent Address Family Identifier, 8 bits (1 = unicast)
 */
public record AddressFamily(int afi, int safi) {

    /** IPv4 unicast (AFI 1, SAFI 1); also the family of the NLRI fields of UPDATE itself. */
    public static final AddressFamily IPV4_UNICAST = new AddressFamily(1, 1);

    /** IPv6 unicast (AFI 2, SAFI 1). */
    public static final AddressFamily IPV6_UNICAST = new AddressFamily(2, 1);

    public AddressFamily {
        Unsigned.u16("afi", afi);
        Unsigned.u8("safi", safi);
    }

    @Override
    public String toString() {
        return "afi=" + afi + "/safi=" + safi;
    }
}
