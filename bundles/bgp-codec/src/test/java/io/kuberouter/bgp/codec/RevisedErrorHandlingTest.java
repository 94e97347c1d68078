package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.assertNotification;
import static io.kuberouter.bgp.codec.GoldenBytes.decode;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeMessage;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeReset;
import static io.kuberouter.bgp.codec.GoldenBytes.encode;
import static io.kuberouter.bgp.codec.GoldenBytes.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.DecodeResult.AttributeDiscard;
import io.kuberouter.bgp.codec.DecodeResult.TreatAsWithdraw;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.MultiExitDisc;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.UnknownAttribute;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/** RFC 7606: which approach each malformation gets, and what the result carries. */
class RevisedErrorHandlingTest {

    private static final PeerConstraints EXTERNAL = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.EXTERNAL);
    private static final PeerConstraints INTERNAL = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.INTERNAL);

    private static final String ORIGIN = "40 01 01 00";
    private static final String AS_PATH = "40 02 06 02 01 0000fdeb";
    private static final String NEXT_HOP = "40 03 04 0a630065";
    private static final String NLRI = "18 0af432";
    private static final String MP_REACH = "80 0e 1c 0002 01 10 fd990000000000000000000000000001 00 30 fd0002440032";
    private static final Map<AddressFamily, List<IpPrefix>> NLRI_WITHDRAWN =
            Map.of(AddressFamily.IPV4_UNICAST, List.of(IpPrefix.parse("10.244.50.0/24")));

    @Test
    void undefinedOriginIsTreatAsWithdraw() {
        TreatAsWithdraw result = treatAsWithdraw(update("40 01 01 07" + AS_PATH + NEXT_HOP, NLRI), EXTERNAL);
        assertEquals(NLRI_WITHDRAWN, result.withdrawn());
        assertEquals(List.of(new AttributeError(1, BgpError.INVALID_ORIGIN_ATTRIBUTE, "undefined ORIGIN value 7")),
                result.errors());
    }

    @Test
    void malformedWellKnownAttributesAreTreatAsWithdraw() {
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR, update("40 01 02 0000" + AS_PATH + NEXT_HOP, NLRI));
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_FLAGS_ERROR, update("c0 01 01 00" + AS_PATH + NEXT_HOP, NLRI));
        assertTreatAsWithdraw(BgpError.MALFORMED_AS_PATH, update(ORIGIN + "40 02 02 02 00" + NEXT_HOP, NLRI));
        assertTreatAsWithdraw(BgpError.MALFORMED_AS_PATH, update(ORIGIN + "40 02 06 05 01 0000fdeb" + NEXT_HOP, NLRI));
        assertTreatAsWithdraw(BgpError.MALFORMED_AS_PATH, update(ORIGIN + "40 02 06 02 01 00000000" + NEXT_HOP, NLRI));
        assertTreatAsWithdraw(BgpError.MALFORMED_AS_PATH,
                update(ORIGIN + "40 02 07 02 01 0000fdeb 02" + NEXT_HOP, NLRI));
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR, update(ORIGIN + AS_PATH + "40 03 05 0a63006500", NLRI));
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR,
                update(ORIGIN + AS_PATH + NEXT_HOP + "80 04 03 000001", NLRI));
    }

    @Test
    void malformedCommunityListsAreTreatAsWithdraw() {
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR, update(ORIGIN + AS_PATH + NEXT_HOP + "c0 08 00", NLRI));
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR,
                update(ORIGIN + AS_PATH + NEXT_HOP + "c0 08 05 fdeb006400", NLRI));
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR,
                update(ORIGIN + AS_PATH + NEXT_HOP + "c0 20 0b 0000fdeb 00000001 000000", NLRI));
    }

    @Test
    void missingMandatoryAttributeIsTreatAsWithdraw() {
        TreatAsWithdraw result = treatAsWithdraw(update(ORIGIN + AS_PATH, NLRI), EXTERNAL);
        AttributeError missingNextHop = new AttributeError(3, BgpError.MISSING_WELL_KNOWN_ATTRIBUTE,
                "missing well-known attribute 3");
        assertEquals(List.of(missingNextHop), result.errors());
        assertTreatAsWithdraw(BgpError.MISSING_WELL_KNOWN_ATTRIBUTE, update(AS_PATH + NEXT_HOP, NLRI));
    }

    @Test
    void multiprotocolOnlyUpdateNeedsNoNextHop() {
        byte[] wire = update(ORIGIN + AS_PATH + MP_REACH, "");
        assertEquals(3, decodeMessage(wire, EXTERNAL, UpdateMessage.class).attributes().size());
    }

    @Test
    void treatAsWithdrawCoversMultiprotocolRoutes() {
        TreatAsWithdraw result = treatAsWithdraw(update("40 01 01 09" + AS_PATH
                + MP_REACH + "80 0f 0a 0002 01 30 fd0002440033", ""), EXTERNAL);
        assertEquals(Map.of(AddressFamily.IPV6_UNICAST,
                List.of(IpPrefix.parse("fd00:244:32::/48"), IpPrefix.parse("fd00:244:33::/48"))), result.withdrawn());
    }

    @Test
    void malformedAggregationAttributesAreDiscarded() {
        String atomicAggregateOfOneOctet = "40 06 01 00";
        String aggregatorOfSevenOctets = "c0 07 07 0000fdeb0a6300";
        AttributeDiscard result = discard(update(ORIGIN + AS_PATH + NEXT_HOP + atomicAggregateOfOneOctet
                + aggregatorOfSevenOctets, NLRI), EXTERNAL);
        assertEquals(List.of(6, 7), typeCodes(result.discarded()));
        assertEquals(3, result.update().attributes().size());
        assertEquals(List.of(IpPrefix.parse("10.244.50.0/24")), result.update().nlri());
    }

    @Test
    void internalOnlyAttributesFromExternalPeersAreDiscarded() {
        String internalOnly = "40 05 04 000000fa 80 09 04 0a63004d 80 0a 04 0a63000c";
        byte[] wire = update(ORIGIN + AS_PATH + NEXT_HOP + internalOnly, NLRI);
        assertEquals(List.of(5, 9, 10), typeCodes(discard(wire, EXTERNAL).discarded()));
        assertEquals(6, decodeMessage(wire, INTERNAL, UpdateMessage.class).attributes().size());
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR, INTERNAL,
                update(ORIGIN + AS_PATH + NEXT_HOP + "40 05 03 0000fa", NLRI));
    }

    @Test
    void repeatedAttributeKeepsTheFirst() {
        String twoMeds = "80 04 04 00000001 80 04 04 00000002";
        AttributeDiscard result = discard(update(ORIGIN + AS_PATH + NEXT_HOP + twoMeds, NLRI), EXTERNAL);
        assertEquals(new MultiExitDisc(1), result.update().attribute(MultiExitDisc.class).orElseThrow());
        assertEquals(BgpError.MALFORMED_ATTRIBUTE_LIST, result.discarded().get(0).error());
    }

    @Test
    void discardAndTreatAsWithdrawTogetherAreTreatAsWithdraw() {
        TreatAsWithdraw result = treatAsWithdraw(update("40 01 01 07" + AS_PATH + NEXT_HOP + "40 06 01 00", NLRI),
                EXTERNAL);
        assertEquals(List.of(1, 6), typeCodes(result.errors()));
    }

    @Test
    void attributeOverrunningTheFieldIsTreatAsWithdrawAndNlriIsStillFound() {
        String medOverrunning = "80 04 09 00000001";
        TreatAsWithdraw result = treatAsWithdraw(update(ORIGIN + AS_PATH + NEXT_HOP + medOverrunning, NLRI), EXTERNAL);
        assertEquals(NLRI_WITHDRAWN, result.withdrawn());
        assertEquals(BgpError.ATTRIBUTE_LENGTH_ERROR, result.errors().get(0).error());
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR, update(ORIGIN + AS_PATH + NEXT_HOP + "80 04", NLRI));
        assertTreatAsWithdraw(BgpError.ATTRIBUTE_LENGTH_ERROR, update(ORIGIN + AS_PATH + NEXT_HOP + "90 04 00", NLRI));
    }

    @Test
    void unrecognizedAttributes() {
        UpdateMessage update = decodeMessage(update(ORIGIN + AS_PATH + NEXT_HOP
                + "80 63 02 0102"                         // 99, optional non-transitive: ignored
                + "d0 64 0002 0304", NLRI), EXTERNAL, UpdateMessage.class); // 100, optional transitive, Extended Length
        assertEquals(List.of(new UnknownAttribute(0xC0, 100, Octets.fromHex("0304"))),
                update.attributes().stream().filter(UnknownAttribute.class::isInstance).toList());
        assertBytes(ORIGIN + AS_PATH + NEXT_HOP + "e0 64 02 0304", encodeAttributesOf(update)); // Partial set
        assertNotification(BgpError.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, "4063020102",
                decodeReset(update(ORIGIN + AS_PATH + NEXT_HOP + "40 63 02 0102", NLRI), EXTERNAL));
    }

    @Test
    void longUnknownAttributeKeepsExtendedLength() {
        String value = "ab".repeat(300);
        UpdateMessage update = decodeMessage(update("d0 64 012c" + value, ""), EXTERNAL, UpdateMessage.class);
        assertEquals(List.of(new UnknownAttribute(0xC0, 100, Octets.fromHex(value))), update.attributes());
        assertBytes("f0 64 012c" + value, encodeAttributesOf(update)); // Optional, Transitive, Partial, Extended Length
    }

    @Test
    void sessionResetCases() {
        assertNotification(BgpError.MALFORMED_ATTRIBUTE_LIST, "",
                decodeReset(update(ORIGIN + AS_PATH + MP_REACH + MP_REACH, ""), EXTERNAL));
        String badNextHop = "800e0a00020105010203040500";
        assertNotification(BgpError.OPTIONAL_ATTRIBUTE_ERROR, badNextHop,
                decodeReset(update(ORIGIN + AS_PATH + badNextHop, ""), EXTERNAL));
        String unknownFamily = "800e0d001901040a63006500180af432";
        assertNotification(BgpError.OPTIONAL_ATTRIBUTE_ERROR, unknownFamily,
                decodeReset(update(ORIGIN + AS_PATH + unknownFamily, ""), EXTERNAL));
        assertNotification(BgpError.INVALID_NETWORK_FIELD, "",
                decodeReset(update(ORIGIN + AS_PATH + NEXT_HOP, "21 0af4320000"), EXTERNAL));
        assertNotification(BgpError.INVALID_NETWORK_FIELD, "", decodeReset(update("18 0af4", "", ""), EXTERNAL));
        assertNotification(BgpError.OPTIONAL_ATTRIBUTE_ERROR, "800f0400020181",
                decodeReset(update("80 0f 04 0002 01 81", ""), EXTERNAL));
    }

    @Test
    void lengthFieldsBeyondTheMessageAreMalformedAttributeList() {
        assertNotification(BgpError.MALFORMED_ATTRIBUTE_LIST, "",
                decodeReset(GoldenBytes.message(2, "00ff 0000"), EXTERNAL));
        assertNotification(BgpError.MALFORMED_ATTRIBUTE_LIST, "",
                decodeReset(GoldenBytes.message(2, "0000 0010 40010100"), EXTERNAL));
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "0016",
                decodeReset(GoldenBytes.message(2, "0000 00"), EXTERNAL));
    }

    private static List<Integer> typeCodes(List<AttributeError> errors) {
        return errors.stream().map(AttributeError::typeCode).toList();
    }

    private static TreatAsWithdraw treatAsWithdraw(byte[] wire, PeerConstraints peer) {
        return assertInstanceOf(TreatAsWithdraw.class, decode(wire, peer));
    }

    private static AttributeDiscard discard(byte[] wire, PeerConstraints peer) {
        return assertInstanceOf(AttributeDiscard.class, decode(wire, peer));
    }

    private static void assertTreatAsWithdraw(BgpError expected, byte[] wire) {
        assertTreatAsWithdraw(expected, EXTERNAL, wire);
    }

    private static void assertTreatAsWithdraw(BgpError expected, PeerConstraints peer, byte[] wire) {
        assertEquals(expected, treatAsWithdraw(wire, peer).errors().get(0).error());
    }

    /** The path attributes field of the encoded {@code update}. */
    private static byte[] encodeAttributesOf(UpdateMessage update) {
        byte[] wire = encode(update, EXTERNAL);
        int attributesLength = (wire[21] & 0xFF) << 8 | wire[22] & 0xFF;
        return Arrays.copyOfRange(wire, 23, 23 + attributesLength);
    }
}
