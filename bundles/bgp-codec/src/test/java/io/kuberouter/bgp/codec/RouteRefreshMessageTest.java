package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.assertNotification;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeMessage;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeReset;
import static io.kuberouter.bgp.codec.GoldenBytes.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.RouteRefreshMessage;

/** ROUTE-REFRESH (RFC 2918 §3, RFC 7313 §3.2, §5). */
class RouteRefreshMessageTest {

    private static final PeerConstraints PEER = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.EXTERNAL);

    /** bird's "birdc reload in s1", IPv6 part (captures/041-s1-bird-route-refresh.hex). */
    private static final String IPV6_REQUEST = """
            ffffffffffffffffffffffffffffffff  # marker
            0017                              # length 23
            05                                # type 5 ROUTE-REFRESH
            0002                              # AFI 2 IPv6
            00                                # reserved / subtype 0: normal request
            01                                # SAFI 1 unicast
            """;

    @Test
    void ipv6RequestRoundTrip() {
        RouteRefreshMessage request = RouteRefreshMessage.request(AddressFamily.IPV6_UNICAST);
        assertEquals(request, decodeMessage(bytes(IPV6_REQUEST), PEER, RouteRefreshMessage.class));
        assertBytes(IPV6_REQUEST, encode(request, PEER));
    }

    @Test
    void enhancedRouteRefreshSubtypeIsKept() {
        String beginning = """
                ffffffffffffffffffffffffffffffff 0017 05
                0001 01 01                                # IPv4 unicast, subtype 1 BoRR (RFC 7313)
                """;
        RouteRefreshMessage borr = new RouteRefreshMessage(AddressFamily.IPV4_UNICAST,
                RouteRefreshMessage.BEGINNING_OF_ROUTE_REFRESH);
        assertEquals(borr, decodeMessage(bytes(beginning), PEER, RouteRefreshMessage.class));
        assertBytes(beginning, encode(borr, PEER));
    }

    @Test
    void wrongLengthReportsTheWholeMessage() {
        String tooLong = """
                ffffffffffffffffffffffffffffffff 0018 05
                0001 00 01 ff                             # one octet too many
                """;
        assertNotification(BgpError.ROUTE_REFRESH_INVALID_MESSAGE_LENGTH, GoldenBytes.hex(bytes(tooLong)),
                decodeReset(bytes(tooLong), PEER));
    }
}
