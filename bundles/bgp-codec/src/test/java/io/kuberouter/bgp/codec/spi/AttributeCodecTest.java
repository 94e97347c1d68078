package io.kuberouter.bgp.codec.spi;

import static io.kuberouter.bgp.codec.Addresses.ipv4;
import static io.kuberouter.bgp.codec.Addresses.ipv6;
import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Aggregator;
import io.kuberouter.bgp.codec.model.As4Aggregator;
import io.kuberouter.bgp.codec.model.As4Path;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.AtomicAggregate;
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
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.SegmentType;

/** Golden bytes of every built-in path attribute, through the attribute registry, both directions. */
class AttributeCodecTest {

    private static final PeerConstraints NEW = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.INTERNAL);
    private static final PeerConstraints OLD = PeerConstraints.initial(PeerType.INTERNAL);
    private static final AttributeRegistry ATTRIBUTES = BgpCodecs.standardRegistry().attributes();

    static Stream<Arguments> attributes() {
        return Stream.of(originAndAsPath(), otherBaseAttributes(), multiprotocolAttributes(), extensionAttributes())
                .flatMap(arguments -> arguments);
    }

    /** RFC 4271 §4.3 a, b; RFC 5065 §3. */
    private static Stream<Arguments> originAndAsPath() {
        return Stream.of(
                arguments("40 01 01 00        # ORIGIN IGP (RFC 4271 §4.3 a)", Origin.IGP, NEW),
                arguments("40 01 01 01        # ORIGIN EGP", Origin.EGP, NEW),
                arguments("40 01 01 02        # ORIGIN INCOMPLETE", Origin.INCOMPLETE, NEW),
                arguments("40 02 00           # AS_PATH empty", AsPath.EMPTY, NEW),
                arguments("""
                        40 02 0e                          # AS_PATH, 14 octets, 4-octet AS numbers
                        02 03 0000fde9 0000fdf2 fa56ea02  # AS_SEQUENCE 65001 65010 4200000002
                        """, new AsPath(List.of(AsPathSegment.sequence(65001L, 65010L, 4_200_000_002L))), NEW),
                arguments("""
                        40 02 08                          # AS_PATH, 8 octets, 2-octet AS numbers
                        02 03 fde9 fdf2 5ba0              # AS_SEQUENCE 65001 65010 23456
                        """, new AsPath(List.of(AsPathSegment.sequence(65001L, 65010L, 23_456L))), OLD),
                arguments("""
                        40 02 10                          # AS_PATH, 16 octets
                        02 01 0000fdeb                    # AS_SEQUENCE 65003
                        01 02 0000012c 0000012d           # AS_SET {300, 301}
                        """, new AsPath(List.of(AsPathSegment.sequence(65003L),
                        new AsPathSegment(SegmentType.AS_SET, List.of(300L, 301L)))), NEW),
                arguments("""
                        40 02 0e                          # AS_PATH, 14 octets, 2-octet AS numbers (RFC 5065 §3)
                        03 02 fe4c fe4d                   # AS_CONFED_SEQUENCE 65100 65101
                        04 01 fe4e                        # AS_CONFED_SET {65102}
                        02 01 fdeb                        # AS_SEQUENCE 65003
                        """, new AsPath(List.of(
                                new AsPathSegment(SegmentType.AS_CONFED_SEQUENCE, List.of(65100L, 65101L)),
                                new AsPathSegment(SegmentType.AS_CONFED_SET, List.of(65102L)),
                                AsPathSegment.sequence(65003L))), OLD));
    }

    /** RFC 4271 §4.3 c to g, RFC 1997, RFC 4456 §8. */
    private static Stream<Arguments> otherBaseAttributes() {
        return Stream.of(
                arguments("40 03 04 0a630001  # NEXT_HOP 10.99.0.1", new NextHop(ipv4("10.99.0.1")), NEW),
                arguments("80 04 04 00000014  # MULTI_EXIT_DISC 20", new MultiExitDisc(20), NEW),
                arguments("80 04 04 ffffffff  # MULTI_EXIT_DISC 2^32-1", new MultiExitDisc(0xFFFF_FFFFL), NEW),
                arguments("40 05 04 0000012c  # LOCAL_PREF 300", new LocalPref(300), NEW),
                arguments("40 06 00           # ATOMIC_AGGREGATE", new AtomicAggregate(), NEW),
                arguments("c0 07 08 0000fdf2 0a630032  # AGGREGATOR 65010 10.99.0.50, 4-octet",
                        new Aggregator(65010, ipv4("10.99.0.50")), NEW),
                arguments("c0 07 06 fdf2 0a630032      # AGGREGATOR 65010 10.99.0.50, 2-octet",
                        new Aggregator(65010, ipv4("10.99.0.50")), OLD),
                arguments("c0 08 08 fde90064 ffffff01  # COMMUNITIES 65001:100 NO_EXPORT",
                        new Communities(List.of(new Community(65001, 100), Community.NO_EXPORT)), NEW),
                arguments("c0 08 0c ffffff01 ffffff02 ffffff03  # COMMUNITIES, the well-known ones of RFC 1997",
                        new Communities(List.of(Community.NO_EXPORT, Community.NO_ADVERTISE,
                                Community.NO_EXPORT_SUBCONFED)), NEW),
                arguments("80 09 04 0a63004d  # ORIGINATOR_ID 10.99.0.77", new OriginatorId(ipv4("10.99.0.77")), NEW),
                arguments("80 0a 08 0a63000c 0a63000d  # CLUSTER_LIST 10.99.0.12 10.99.0.13",
                        new ClusterList(List.of(ipv4("10.99.0.12"), ipv4("10.99.0.13"))), NEW));
    }

    /** RFC 4760 §3, §4; RFC 2545 §3. */
    private static Stream<Arguments> multiprotocolAttributes() {
        return Stream.of(
                arguments("""
                        80 0e 0d 0001 01                  # MP_REACH_NLRI IPv4 unicast
                        04 0a630001 00                    # next hop 10.99.0.1, reserved
                        18 0af401                         # 10.244.1.0/24
                        """, new MpReachNlri(AddressFamily.IPV4_UNICAST, List.of(ipv4("10.99.0.1")),
                        List.of(IpPrefix.parse("10.244.1.0/24"))), NEW),
                arguments("""
                        80 0e 1c 0002 01                  # MP_REACH_NLRI IPv6 unicast (captures/032)
                        10 fd990000000000000000000000000001 00  # next hop fd99::1, reserved
                        30 fd0002440001                   # fd00:244:1::/48
                        """, new MpReachNlri(AddressFamily.IPV6_UNICAST, List.of(ipv6("fd99::1")),
                        List.of(IpPrefix.parse("fd00:244:1::/48"))), NEW),
                arguments("""
                        80 0e 2c 0002 01                  # MP_REACH_NLRI IPv6 unicast, global and link-local next hop
                        20 fd990000000000000000000000000002 fe80000000000000644264fffe4a59da 00
                        30 fd0002440002                   # fd00:244:2::/48
                        """, new MpReachNlri(AddressFamily.IPV6_UNICAST,
                        List.of(ipv6("fd99::2"), ipv6("fe80::6442:64ff:fe4a:59da")),
                        List.of(IpPrefix.parse("fd00:244:2::/48"))), NEW),
                arguments("80 0f 0a 0002 01 30 fd0002440001  # MP_UNREACH_NLRI IPv6 fd00:244:1::/48",
                        new MpUnreachNlri(AddressFamily.IPV6_UNICAST, List.of(IpPrefix.parse("fd00:244:1::/48"))), NEW),
                arguments("80 0f 03 0001 01   # MP_UNREACH_NLRI IPv4, empty",
                        new MpUnreachNlri(AddressFamily.IPV4_UNICAST, List.of()), NEW));
    }

    /** RFC 6793 §3, RFC 8092 §3. */
    private static Stream<Arguments> extensionAttributes() {
        return Stream.of(
                arguments("c0 11 0e 02 03 0000fde9 0000fdf2 fa56ea02  # AS4_PATH 65001 65010 4200000002",
                        new As4Path(List.of(AsPathSegment.sequence(65001L, 65010L, 4_200_000_002L))), OLD),
                arguments("c0 12 08 fa56ea02 0a630032  # AS4_AGGREGATOR 4200000002 10.99.0.50",
                        new As4Aggregator(4_200_000_002L, ipv4("10.99.0.50")), OLD),
                arguments("c0 20 0c 0000fdea 00000001 00000002  # LARGE_COMMUNITY 65002:1:2 (RFC 8092)",
                        new LargeCommunities(List.of(new LargeCommunity(65002, 1, 2))), NEW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void serializes(String annotatedHex, PathAttribute attribute, PeerConstraints peer) {
        ByteBuf out = Unpooled.buffer();
        try {
            ATTRIBUTES.serialize(attribute, peer, out);
            assertBytes(annotatedHex, ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void parses(String annotatedHex, PathAttribute attribute, PeerConstraints peer) throws AttributeException {
        ByteBuf in = Unpooled.wrappedBuffer(bytes(annotatedHex));
        try {
            int flags = in.readUnsignedByte();
            int type = in.readUnsignedByte();
            ByteBuf value = in.readSlice(in.readUnsignedByte());
            AttributeParser parser = ATTRIBUTES.parser(type).orElseThrow();
            assertEquals(parser.flags(), flags & AttributeFlags.CATEGORY);
            assertEquals(attribute, parser.parse(value, peer));
            assertEquals(0, value.readableBytes());
        } finally {
            in.release();
        }
    }
}
