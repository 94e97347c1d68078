package io.kuberouter.bgp.codec.model;

import java.util.Objects;

/**
 * ROUTE-REFRESH (RFC 2918 §3): asks the peer to re-advertise its Adj-RIB-Out of one family.
 *
 * @param family the AFI/SAFI to refresh
 * @param subtype the octet between AFI and SAFI: reserved (0) in RFC 2918, the message subtype in
 *     RFC 7313 §3.2 (0 normal request, 1 BoRR, 2 EoRR)
 */
public record RouteRefreshMessage(AddressFamily family, int subtype) implements BgpMessage {

    /** RFC 2918 request, the only subtype without Enhanced Route Refresh. */
    public static final int NORMAL_REQUEST = 0;

    /** RFC 7313 Beginning of Route Refresh. */
    public static final int BEGINNING_OF_ROUTE_REFRESH = 1;

    /** RFC 7313 Ending of Route Refresh. */
    public static final int ENDING_OF_ROUTE_REFRESH = 2;

    public RouteRefreshMessage {
        Objects.requireNonNull(family, "family");
        Unsigned.u8("subtype", subtype);
    }

    /** A plain RFC 2918 refresh request. */
    public static RouteRefreshMessage request(AddressFamily family) {
        return new RouteRefreshMessage(family, NORMAL_REQUEST);
    }
}
