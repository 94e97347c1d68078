package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.Addresses.ipv4;
import static io.kuberouter.bgp.codec.Addresses.ipv6;
import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeMessage;
import static io.kuberouter.bgp.codec.GoldenBytes.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Aggregator;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.LargeCommunities;
import io.kuberouter.bgp.codec.model.LargeCommunity;
import io.kuberouter.bgp.codec.model.LocalPref;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.MpUnreachNlri;
import io.kuberouter.bgp.codec.model.MultiExitDisc;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.UnknownAttribute;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/** UPDATE (RFC 4271 §4.3) from captures of gobgpd 3.10.0 and bird 2.0.12; see captures/README.md. */
class UpdateMessageTest {

    private static final PeerConstraints EXTERNAL = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.EXTERNAL);
    private static final PeerConstraints INTERNAL = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.INTERNAL);

    /** 030 as this codec writes it: AIGP is gone. */
    private static final String GOBGPD_ROUTE_REENCODED = """
            ffffffffffffffffffffffffffffffff 006f 02  # 111 octets
            0000 0054                                 # 84 octets of path attributes
            40 01 01 01
            40 02 0e 02 03 0000fde9 0000fdf2 fa56ea02
            80 04 04 00000014
            c0 07 08 0000fdf2 0a630032
            c0 08 08 fde90064 ffffff01
            c0 20 18 0000fde9 00000007 00000008 0000fde9 00000009 0000000a
            40 03 04 0a630001
            18 0af40a
            """;

    @Test
    void gobgpdRouteWithManyAttributes() {
        String captured = """
                ffffffffffffffffffffffffffffffff 007d 02  # 125 octets, UPDATE (captures/030-s1-gobgpd-update.hex)
                0000                                      # no withdrawn routes
                0062                                      # 98 octets of path attributes
                40 01 01 01                               # ORIGIN EGP
                40 02 0e 02 03 0000fde9 0000fdf2 fa56ea02 # AS_PATH: AS_SEQUENCE 65001 65010 4200000002
                80 04 04 00000014                         # MULTI_EXIT_DISC 20
                c0 07 08 0000fdf2 0a630032                # AGGREGATOR 65010, 10.99.0.50
                c0 08 08 fde90064 ffffff01                # COMMUNITIES 65001:100 NO_EXPORT
                80 1a 0b 01 000b 000000000000000a         # AIGP (26), optional non-transitive: dropped
                c0 20 18 0000fde9 00000007 00000008       # LARGE_COMMUNITY 65001:7:8
                         0000fde9 00000009 0000000a       #                 65001:9:10
                40 03 04 0a630001                         # NEXT_HOP 10.99.0.1 (gobgpd sends it last)
                18 0af40a                                 # NLRI 10.244.10.0/24
                """;
        UpdateMessage expected = new UpdateMessage(List.of(), List.of(
                Origin.EGP,
                new AsPath(List.of(AsPathSegment.sequence(65001L, 65010L, 4_200_000_002L))),
                new MultiExitDisc(20),
                new Aggregator(65010, ipv4("10.99.0.50")),
                new Communities(List.of(new Community(65001, 100), Community.NO_EXPORT)),
                new LargeCommunities(List.of(new LargeCommunity(65001, 7, 8), new LargeCommunity(65001, 9, 10))),
                new NextHop(ipv4("10.99.0.1"))), List.of(IpPrefix.parse("10.244.10.0/24")));
        assertEquals(expected, decodeMessage(bytes(captured), EXTERNAL, UpdateMessage.class));
        assertBytes(GOBGPD_ROUTE_REENCODED, encode(expected, EXTERNAL));
    }

    @Test
    void birdRouteWithUnknownTransitiveAttribute() {
        String captured = """
                ffffffffffffffffffffffffffffffff 0054 02  # 84 octets (captures/015-s1-bird-update.hex)
                0000 0039                                 # no withdrawn routes, 57 octets of attributes
                40 01 01 02                               # ORIGIN INCOMPLETE
                40 02 0a 02 02 0000fdea fa56ea01          # AS_PATH: AS_SEQUENCE 65002 4200000001
                40 03 04 0a630002                         # NEXT_HOP 10.99.0.2
                c0 08 08 fdea012c ffffff01                # COMMUNITIES 65002:300 NO_EXPORT
                c0 20 0c 0000fdea 00000001 00000002       # LARGE_COMMUNITY 65002:1:2
                c0 23 04 0000fdea                         # 35 Only-to-Customer (RFC 9234): unknown optional transitive
                18 0af403                                 # NLRI 10.244.3.0/24
                """;
        UpdateMessage update = decodeMessage(bytes(captured), EXTERNAL, UpdateMessage.class);
        assertEquals(Optional.of(new UnknownAttribute(0xC0, 35, Octets.fromHex("0000fdea"))),
                update.attribute(UnknownAttribute.class));
        // passed on with the Partial bit set
        assertBytes(captured.replace("c0 23 04", "e0 23 04"), encode(update, EXTERNAL));
    }

    @Test
    void birdIpv6RouteWithLinkLocalNextHopAndExtendedLength() {
        String captured = """
                ffffffffffffffffffffffffffffffff 005b 02  # 91 octets (captures/016-s1-bird-update.hex)
                0000 0044                                 # no withdrawn routes, 68 octets of attributes
                90 0e 002c                                # MP_REACH_NLRI, Extended Length: 44 in 2 octets
                  0002 01                                 #   AFI 2 IPv6, SAFI 1 unicast
                  20                                      #   next hop of 32 octets: global + link-local (RFC 2545 §3)
                  fd990000000000000000000000000002        #   fd99::2
                  fe80000000000000644264fffe4a59da        #   fe80::6442:64ff:fe4a:59da
                  00                                      #   reserved
                  30 fd0002440002                         #   fd00:244:2::/48
                40 01 01 00                               # ORIGIN IGP
                40 02 06 02 01 0000fdea                   # AS_PATH 65002
                c0 23 04 0000fdea                         # Only-to-Customer, unknown
                """;
        UpdateMessage update = decodeMessage(bytes(captured), EXTERNAL, UpdateMessage.class);
        assertEquals(Optional.of(new MpReachNlri(AddressFamily.IPV6_UNICAST,
                List.of(ipv6("fd99::2"), ipv6("fe80::6442:64ff:fe4a:59da")),
                List.of(IpPrefix.parse("fd00:244:2::/48")))), update.attribute(MpReachNlri.class));
        assertBytes("""
                ffffffffffffffffffffffffffffffff 005a 02  # one octet shorter:
                0000 0043
                80 0e 2c                                  # 44 fits one length octet, so no Extended Length
                0002 01 20 fd990000000000000000000000000002 fe80000000000000644264fffe4a59da 00 30 fd0002440002
                40 01 01 00
                40 02 06 02 01 0000fdea
                e0 23 04 0000fdea                         # Partial set
                """, encode(update, EXTERNAL));
    }

    @Test
    void birdReflectedRouteToInternalPeer() {
        String captured = """
                ffffffffffffffffffffffffffffffff 003e 02  # 62 octets (captures/024-s3-bird-update.hex)
                0000 0023                                 # no withdrawn routes, 35 octets of attributes
                40 01 01 00                               # ORIGIN IGP
                40 02 00                                  # AS_PATH empty: originated in the local AS
                40 03 04 0a63000c                         # NEXT_HOP 10.99.0.12
                40 05 04 000000fa                         # LOCAL_PREF 250
                80 09 04 0a63004d                         # ORIGINATOR_ID 10.99.0.77 (RFC 4456)
                80 0a 04 0a63000c                         # CLUSTER_LIST 10.99.0.12
                18 0af404                                 # NLRI 10.244.4.0/24
                """;
        UpdateMessage expected = new UpdateMessage(List.of(), List.of(Origin.IGP, AsPath.EMPTY,
                new NextHop(ipv4("10.99.0.12")), new LocalPref(250), new OriginatorId(ipv4("10.99.0.77")),
                new ClusterList(List.of(ipv4("10.99.0.12")))), List.of(IpPrefix.parse("10.244.4.0/24")));
        assertEquals(expected, decodeMessage(bytes(captured), INTERNAL, UpdateMessage.class));
        assertBytes(captured, encode(expected, INTERNAL));
    }

    @Test
    void gobgpdWithdrawal() {
        String captured = """
                ffffffffffffffffffffffffffffffff 001b 02  # 27 octets (captures/036-s1-gobgpd-update.hex)
                0004 18 0af401                            # withdrawn: 10.244.1.0/24
                0000                                      # no attributes, no NLRI
                """;
        UpdateMessage withdrawal = new UpdateMessage(List.of(IpPrefix.parse("10.244.1.0/24")), List.of(), List.of());
        assertEquals(withdrawal, decodeMessage(bytes(captured), EXTERNAL, UpdateMessage.class));
        assertBytes(captured, encode(withdrawal, EXTERNAL));
    }

    @Test
    void gobgpdIpv6Withdrawal() {
        String captured = """
                ffffffffffffffffffffffffffffffff 0024 02  # 36 octets (captures/038-s1-gobgpd-update.hex)
                0000 000d                                 # 13 octets of attributes
                80 0f 0a 0002 01 30 fd0002440001          # MP_UNREACH_NLRI IPv6 unicast: fd00:244:1::/48
                """;
        UpdateMessage withdrawal = new UpdateMessage(List.of(), List.of(new MpUnreachNlri(AddressFamily.IPV6_UNICAST,
                List.of(IpPrefix.parse("fd00:244:1::/48")))), List.of());
        assertEquals(withdrawal, decodeMessage(bytes(captured), EXTERNAL, UpdateMessage.class));
        assertBytes(captured, encode(withdrawal, EXTERNAL));
    }

    @Test
    void endOfRibMarkers() {
        String ipv4 = """
                ffffffffffffffffffffffffffffffff 0017 02  # 23 octets (captures/010-s1-gobgpd-update.hex)
                0000 0000                                 # nothing at all: IPv4 unicast End-of-RIB (RFC 4724 §2)
                """;
        String ipv6 = """
                ffffffffffffffffffffffffffffffff 001d 02  # 29 octets (captures/009-s1-gobgpd-update.hex)
                0000 0006 80 0f 03 0002 01                # empty MP_UNREACH_NLRI: IPv6 unicast End-of-RIB
                """;
        assertEquals(Optional.of(AddressFamily.IPV4_UNICAST),
                decodeMessage(bytes(ipv4), EXTERNAL, UpdateMessage.class).endOfRibFamily());
        assertEquals(Optional.of(AddressFamily.IPV6_UNICAST),
                decodeMessage(bytes(ipv6), EXTERNAL, UpdateMessage.class).endOfRibFamily());
        assertBytes(ipv4, encode(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST), EXTERNAL));
        assertBytes(ipv6, encode(UpdateMessage.endOfRib(AddressFamily.IPV6_UNICAST), EXTERNAL));
    }

    @Test
    void defaultRouteHasNoPrefixOctets() {
        String wire = """
                ffffffffffffffffffffffffffffffff 0026 02
                0000 000e 40 01 01 00 40 02 00 40 03 04 c0000201
                00                                        # NLRI 0.0.0.0/0: length 0, no octets
                """;
        UpdateMessage update = new UpdateMessage(List.of(), List.of(Origin.IGP, AsPath.EMPTY,
                new NextHop(ipv4("192.0.2.1"))), List.of(IpPrefix.parse("0.0.0.0/0")));
        assertEquals(update, decodeMessage(bytes(wire), INTERNAL, UpdateMessage.class));
        assertBytes(wire, encode(update, INTERNAL));
    }
}
