package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.Addresses.ipv4;
import static io.kuberouter.bgp.codec.Addresses.ipv6;
import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static io.kuberouter.bgp.codec.GoldenBytes.decode;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeMessage;
import static io.kuberouter.bgp.codec.GoldenBytes.encode;
import static io.kuberouter.bgp.codec.GoldenBytes.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Aggregator;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.SegmentType;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/** 2-octet sessions: AS4_PATH and AS4_AGGREGATOR (RFC 6793 §4.2). */
class As4PathTest {

    private static final PeerConstraints OLD = PeerConstraints.initial(PeerType.EXTERNAL);
    private static final PeerConstraints NEW = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.EXTERNAL);

    private static final String ORIGIN = "40 01 01 00";
    private static final String NEXT_HOP = "40 03 04 0a630065";
    private static final String NLRI = "18 0af432";

    @Test
    void gobgpdToTwoOctetSession() {
        String captured = """
                ffffffffffffffffffffffffffffffff 006a 02  # 106 octets (captures/035-s2-gobgpd-update.hex)
                0000 0053                                 # no withdrawn routes, 83 octets of attributes
                40 01 01 02                               # ORIGIN INCOMPLETE
                40 02 08 02 03 fde9 fdf2 5ba0             # AS_PATH, 2-octet: AS_SEQUENCE 65001 65010 23456 (AS_TRANS)
                c0 07 06 5ba0 0a630032                    # AGGREGATOR, 2-octet: AS_TRANS, 10.99.0.50
                80 0e 1c 0002 01                          # MP_REACH_NLRI IPv6 unicast
                  10 fd990000000000000000000000000001 00  #   next hop fd99::1, reserved
                  30 fd0002440010                         #   fd00:244:10::/48
                c0 11 0e 02 03 0000fde9 0000fdf2 fa56ea02 # AS4_PATH: AS_SEQUENCE 65001 65010 4200000002
                c0 12 08 fa56ea02 0a630032                # AS4_AGGREGATOR 4200000002, 10.99.0.50
                """;
        UpdateMessage merged = new UpdateMessage(List.of(), List.of(
                Origin.INCOMPLETE,
                new AsPath(List.of(AsPathSegment.sequence(65001L, 65010L, 4_200_000_002L))),
                new Aggregator(4_200_000_002L, ipv4("10.99.0.50")),
                new MpReachNlri(AddressFamily.IPV6_UNICAST, List.of(ipv6("fd99::1")),
                        List.of(IpPrefix.parse("fd00:244:10::/48")))),
                List.of());
        assertEquals(merged, decodeMessage(bytes(captured), OLD, UpdateMessage.class));
        assertBytes(captured, encode(merged, OLD));
    }

    @Test
    void oldSpeakersPrependedAfterTheLastNewSpeaker() {
        UpdateMessage update = decodeMessage(update(ORIGIN
                + "40 02 08 02 03 0064 5ba0 00c8"          // AS_PATH 100 23456 200: 100 prepended by an OLD speaker
                + NEXT_HOP
                + "c0 11 0a 02 02 00011170 000000c8", NLRI), OLD, UpdateMessage.class); // AS4_PATH 70000 200
        assertEquals(new AsPath(List.of(AsPathSegment.sequence(100L, 70_000L, 200L))),
                update.attribute(AsPath.class).orElseThrow());
    }

    @Test
    void as4PathLongerThanAsPathIsIgnored() {
        UpdateMessage update = decodeMessage(update(ORIGIN + "40 02 04 02 01 5ba0" + NEXT_HOP
                + "c0 11 0a 02 02 00011170 000000c8", NLRI), OLD, UpdateMessage.class);
        assertEquals(path(23_456L), update.attribute(AsPath.class).orElseThrow());
    }

    @Test
    void aggregatorOtherThanAsTransMakesAs4AttributesStale() {
        UpdateMessage update = decodeMessage(update(ORIGIN + "40 02 04 02 01 5ba0" + NEXT_HOP
                + "c0 07 06 0064 0a630032"                 // AGGREGATOR 100: an OLD speaker aggregated after
                + "c0 11 06 02 01 00011170"                // AS4_PATH 70000
                + "c0 12 08 00011170 0a630033", NLRI), OLD, UpdateMessage.class);
        assertEquals(List.of(Origin.IGP, new AsPath(List.of(AsPathSegment.sequence(23_456L))),
                new NextHop(ipv4("10.99.0.101")), new Aggregator(100, ipv4("10.99.0.50"))), update.attributes());
    }

    /** Found by MutationFuzzTest (regressions/as4-aggregator-after-extended-length-mp.hex). */
    @Test
    void aggregatorWithoutAs4AggregatorLeavesAs4PathInForce() {
        UpdateMessage update = decodeMessage(update(ORIGIN + "40 02 04 02 01 5ba0" + NEXT_HOP
                + "c0 07 06 0064 0a630032"                 // AGGREGATOR 100, a 2-octet AS: no AS4_AGGREGATOR needed
                + "c0 11 06 02 01 00011170", NLRI), OLD, UpdateMessage.class); // AS4_PATH 70000
        assertEquals(path(70_000L), update.attribute(AsPath.class).orElseThrow());
    }

    @Test
    void confederationSegmentsStayInFrontAndAreNeverInAs4Path() {
        AsPath path = new AsPath(List.of(
                new AsPathSegment(SegmentType.AS_CONFED_SEQUENCE, List.of(65100L, 70_100L)),
                AsPathSegment.sequence(70_000L, 200L),
                new AsPathSegment(SegmentType.AS_SET, List.of(300L, 70_001L))));
        UpdateMessage update = new UpdateMessage(List.of(), List.of(Origin.IGP, path, new NextHop(ipv4("10.99.0.101"))),
                List.of(IpPrefix.parse("10.244.50.0/24")));
        String wire = """
                0000 0037                                 # no withdrawn routes, 55 octets of attributes
                40 01 01 00
                40 02 12                                  # AS_PATH, 2-octet
                  03 02 fe4c 5ba0                         #   AS_CONFED_SEQUENCE 65100 AS_TRANS
                  02 02 5ba0 00c8                         #   AS_SEQUENCE AS_TRANS 200
                  01 02 012c 5ba0                         #   AS_SET 300 AS_TRANS
                40 03 04 0a630065
                c0 11 14                                  # AS4_PATH without the confederation segment
                  02 02 00011170 000000c8                 #   AS_SEQUENCE 70000 200
                  01 02 0000012c 00011171                 #   AS_SET 300 70001
                18 0af432
                """;
        byte[] encoded = encode(update, OLD);
        assertBytes(wire, Arrays.copyOfRange(encoded, 19, encoded.length));
        // a 4-octet confederation member cannot cross a 2-octet session: it stays AS_TRANS (RFC 6793 §4.2.2)
        AsPathSegment confederationWithAsTrans =
                new AsPathSegment(SegmentType.AS_CONFED_SEQUENCE, List.of(65100L, 23_456L));
        AsPath received = new AsPath(List.of(confederationWithAsTrans, path.segments().get(1), path.segments().get(2)));
        assertEquals(received, decodeMessage(encoded, OLD, UpdateMessage.class).attribute(AsPath.class).orElseThrow());
    }

    @Test
    void confederationSegmentsInAs4PathAreDropped() {
        UpdateMessage update = decodeMessage(update(ORIGIN + "40 02 06 02 02 0064 5ba0" + NEXT_HOP
                + "c0 11 10 03 01 0000fe4c 02 02 00000064 00011170", NLRI), OLD, UpdateMessage.class);
        assertEquals(path(100L, 70_000L), update.attribute(AsPath.class).orElseThrow());
    }

    @Test
    void as4AttributesOnFourOctetSessionAreDiscarded() {
        DecodeResult.AttributeDiscard result = assertInstanceOf(DecodeResult.AttributeDiscard.class,
                decode(update(ORIGIN + "40 02 06 02 01 00011170" + NEXT_HOP + "c0 11 06 02 01 00011170"
                        + "c0 12 08 00011170 0a630033", NLRI), NEW));
        assertEquals(List.of(17, 18), result.discarded().stream().map(AttributeError::typeCode).toList());
    }

    @Test
    void malformedAs4PathIsDiscardedNotWithdrawn() {
        DecodeResult.AttributeDiscard result = assertInstanceOf(DecodeResult.AttributeDiscard.class,
                decode(update(ORIGIN + "40 02 04 02 01 5ba0" + NEXT_HOP + "c0 11 05 02 01 000111", NLRI), OLD));
        assertEquals(new AsPath(List.of(AsPathSegment.sequence(23_456L))),
                result.update().attribute(AsPath.class).orElseThrow());
    }

    private static AsPath path(Long... asNumbers) {
        return new AsPath(List.of(AsPathSegment.sequence(asNumbers)));
    }

    @Test
    void twoOctetPathsNeedNoAs4Path() {
        UpdateMessage update = new UpdateMessage(List.of(), List.of(Origin.IGP,
                new AsPath(List.of(AsPathSegment.sequence(65001L, 65010L))), new NextHop(ipv4("10.99.0.101"))),
                List.of(IpPrefix.parse("10.244.50.0/24")));
        byte[] encoded = encode(update, OLD);
        assertBytes(ORIGIN + "40 02 06 02 02 fde9 fdf2" + NEXT_HOP, Arrays.copyOfRange(encoded, 23, 23 + 20));
        assertEquals(update, decodeMessage(encoded, OLD, UpdateMessage.class));
    }
}
