package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.Addresses.ipv4;
import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.assertNotification;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeMessage;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeReset;
import static io.kuberouter.bgp.codec.GoldenBytes.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.CapabilityParameter;
import io.kuberouter.bgp.codec.model.ExtendedMessageCapability;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability.ForwardingState;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.OpenMessage;
import io.kuberouter.bgp.codec.model.RouteRefreshCapability;
import io.kuberouter.bgp.codec.model.UnknownCapability;

/** OPEN (RFC 4271 §4.2, §6.2) with capabilities (RFC 5492). */
class OpenMessageTest {

    private static final PeerConstraints PEER = PeerConstraints.initial(PeerType.EXTERNAL);

    /** gobgpd 3.10.0 to bird, session s1 (captures/006-s1-gobgpd-open.hex). */
    private static final String GOBGPD_OPEN = """
            ffffffffffffffffffffffffffffffff 004d 01  # marker, length 77, type 1 OPEN
            04                                        # version 4
            fde9                                      # My AS 65001
            005a                                      # hold time 90
            0a630001                                  # BGP Identifier 10.99.0.1
            30                                        # Opt Parm Len 48
            02 2e                                     # parameter type 2 Capabilities, length 46
              02 00                                   #   2 route refresh
              49 04 02 766d 00                        #   73 FQDN: hostname "vm", no domain (unknown: opaque)
              01 04 0001 00 01                        #   1 multiprotocol IPv4 unicast
              01 04 0002 00 01                        #   1 multiprotocol IPv6 unicast
              41 04 0000fde9                          #   65 4-octet AS 65001
              40 0a 0078 0001 01 00 0002 01 00        #   64 graceful restart: R=0 N=0 120 s; IPv4, IPv6 unicast F=0
              05 06 0001 0001 0002                    #   5 extended next hop (RFC 8950, unknown: opaque)
            """;

    /** bird 2.0.12 to gobgpd, session s1 (captures/005-s1-bird-open.hex). */
    private static final String BIRD_OPEN = """
            ffffffffffffffffffffffffffffffff 0048 01  # marker, length 72, type 1 OPEN
            04 fdea 00f0 0a630002                     # version 4, AS 65002, hold time 240, 10.99.0.2
            2b                                        # Opt Parm Len 43
            02 29                                     # Capabilities, length 41
              01 04 0001 00 01                        #   multiprotocol IPv4 unicast
              01 04 0002 00 01                        #   multiprotocol IPv6 unicast
              02 00                                   #   route refresh
              06 00                                   #   extended message (RFC 8654)
              09 01 00                                #   9 BGP role: provider (RFC 9234, unknown: opaque)
              40 0a 0078 0001 01 00 0002 01 00        #   graceful restart 120 s, IPv4 and IPv6 unicast
              41 04 0000fdea                          #   4-octet AS 65002
              46 00                                   #   70 enhanced route refresh (unknown: opaque)
              47 00                                   #   71 long-lived graceful restart, empty (unknown: opaque)
            """;

    private static final GracefulRestartCapability GRACEFUL_RESTART = new GracefulRestartCapability(false, false, 120,
            List.of(new ForwardingState(AddressFamily.IPV4_UNICAST, false),
                    new ForwardingState(AddressFamily.IPV6_UNICAST, false)));

    @Test
    void gobgpdOpen() {
        OpenMessage expected = OpenMessage.of(65001, 90, ipv4("10.99.0.1"), List.of(
                new RouteRefreshCapability(),
                new UnknownCapability(73, Octets.fromHex("02766d00")),
                new MultiprotocolCapability(AddressFamily.IPV4_UNICAST),
                new MultiprotocolCapability(AddressFamily.IPV6_UNICAST),
                new FourOctetAsCapability(65001),
                GRACEFUL_RESTART,
                new UnknownCapability(5, Octets.fromHex("000100010002"))));
        assertEquals(expected, decodeMessage(bytes(GOBGPD_OPEN), PEER, OpenMessage.class));
        assertBytes(GOBGPD_OPEN, encode(expected, PEER));
    }

    @Test
    void birdOpen() {
        OpenMessage open = decodeMessage(bytes(BIRD_OPEN), PEER, OpenMessage.class);
        assertEquals(List.of(
                new MultiprotocolCapability(AddressFamily.IPV4_UNICAST),
                new MultiprotocolCapability(AddressFamily.IPV6_UNICAST),
                new RouteRefreshCapability(),
                new ExtendedMessageCapability(),
                new UnknownCapability(9, Octets.fromHex("00")),
                GRACEFUL_RESTART,
                new FourOctetAsCapability(65002),
                new UnknownCapability(70, Octets.EMPTY),
                new UnknownCapability(71, Octets.EMPTY)), open.capabilities());
        assertEquals(240, open.holdTime());
        assertBytes(BIRD_OPEN, encode(open, PEER));
    }

    @Test
    void fourOctetAsSpeakerSendsAsTrans() {
        OpenMessage open = OpenMessage.of(FourOctetAsCapability.AS_TRANS, 180, ipv4("192.0.2.1"),
                List.of(new FourOctetAsCapability(4_200_000_001L)));
        String wire = """
                ffffffffffffffffffffffffffffffff 0025 01
                04 5ba0 00b4 c0000201                     # My AS 23456 = AS_TRANS, hold 180, 192.0.2.1
                08 02 06 41 04 fa56ea01                   # 4-octet AS capability: 4200000001
                """;
        assertBytes(wire, encode(open, PEER));
        assertEquals(4_200_000_001L, decodeMessage(bytes(wire), PEER, OpenMessage.class).autonomousSystem());
    }

    @Test
    void oneCapabilityPerParameterIsKept() {
        String wire = """
                ffffffffffffffffffffffffffffffff 0025 01
                04 fde9 005a 0a630001 08
                02 02 02 00                               # parameter 1: route refresh
                02 02 46 00                               # parameter 2: enhanced route refresh
                """;
        OpenMessage open = decodeMessage(bytes(wire), PEER, OpenMessage.class);
        assertEquals(List.of(new CapabilityParameter(List.of(new RouteRefreshCapability())),
                new CapabilityParameter(List.of(new UnknownCapability(70, Octets.EMPTY)))), open.parameters());
        assertEquals(Optional.of(new RouteRefreshCapability()), open.capability(RouteRefreshCapability.class));
        assertBytes(wire, encode(open, PEER));
    }

    private static byte[] open(String body) {
        return GoldenBytes.message(1, body);
    }

    @Test
    void unsupportedVersionAnswersVersion4() {
        assertNotification(BgpError.UNSUPPORTED_VERSION_NUMBER, "0004",
                decodeReset(open("03 fde9 005a 0a630001 00"), PEER));
    }

    @Test
    void holdTimeOfOneOrTwoSecondsIsUnacceptable() {
        assertNotification(BgpError.UNACCEPTABLE_HOLD_TIME, "", decodeReset(open("04 fde9 0002 0a630001 00"), PEER));
    }

    @Test
    void bgpIdentifierZeroIsBad() {
        assertNotification(BgpError.BAD_BGP_IDENTIFIER, "", decodeReset(open("04 fde9 005a 00000000 00"), PEER));
    }

    @Test
    void deprecatedAuthenticationParameterIsUnsupported() {
        assertNotification(BgpError.UNSUPPORTED_OPTIONAL_PARAMETER, "",
                decodeReset(open("04 fde9 005a 0a630001 03 01 01 00"), PEER));
    }

    @Test
    void parameterLengthMismatchIsBadMessageLength() {
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "001f",
                decodeReset(open("04 fde9 005a 0a630001 01 02 00"), PEER));
    }

    @Test
    void truncatedFixedFieldsAreBadMessageLength() {
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "001c", decodeReset(open("04 fde9 005a 0a630001"), PEER));
    }

    @Test
    void capabilityOverrunningItsParameterIsOpenError() {
        assertNotification(BgpError.OPEN_UNSPECIFIC, "",
                decodeReset(open("04 fde9 005a 0a630001 04 02 02 41 04"), PEER));
    }

    @Test
    void malformedKnownCapabilitiesAreOpenErrors() {
        assertNotification(BgpError.OPEN_UNSPECIFIC, "",
                decodeReset(open("04 fde9 005a 0a630001 05 02 03 01 01 00"), PEER));
        assertNotification(BgpError.OPEN_UNSPECIFIC, "",
                decodeReset(open("04 fde9 005a 0a630001 07 02 05 40 03 00 78 00"), PEER));
        assertNotification(BgpError.OPEN_UNSPECIFIC, "",
                decodeReset(open("04 fde9 005a 0a630001 05 02 03 41 01 00"), PEER));
    }
}
