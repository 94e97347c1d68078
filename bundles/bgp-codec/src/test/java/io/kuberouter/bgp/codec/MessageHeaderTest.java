package io.kuberouter.bgp.codec;

import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.assertNotification;
import static io.kuberouter.bgp.codec.GoldenBytes.bytes;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeMessage;
import static io.kuberouter.bgp.codec.GoldenBytes.decodeReset;
import static io.kuberouter.bgp.codec.GoldenBytes.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.KeepaliveMessage;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/** Header validation (RFC 4271 §4.1, §6.1) and message length limits (RFC 8654 §4). */
class MessageHeaderTest {

    private static final PeerConstraints PEER = PeerConstraints.initial(PeerType.EXTERNAL);

    /** KEEPALIVE as sent by bird 2.0.12 (captures/002-s2-bird-keepalive.hex). */
    private static final String KEEPALIVE = """
            ffffffffffffffffffffffffffffffff  # marker, 16 x 0xff
            0013                              # length 19
            04                                # type 4 KEEPALIVE
            """;

    @Test
    void keepaliveRoundTrip() {
        assertEquals(new KeepaliveMessage(), decodeMessage(bytes(KEEPALIVE), PEER, KeepaliveMessage.class));
        assertBytes(KEEPALIVE, encode(new KeepaliveMessage(), PEER));
    }

    @Test
    void keepaliveWithBodyIsBadMessageLength() {
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "0014", decodeReset(bytes("""
                ffffffffffffffffffffffffffffffff 0014 04  # KEEPALIVE claiming 20 octets
                00                                        # a body octet
                """), PEER));
    }

    @Test
    void markerNotAllOnesIsConnectionNotSynchronized() {
        assertNotification(BgpError.CONNECTION_NOT_SYNCHRONIZED, "", decodeReset(bytes("""
                ffffffffffffffffffffffffffffff00  # last marker octet 0x00
                0013 04
                """), PEER));
    }

    @Test
    void lengthBelowHeaderIsBadMessageLengthWithTheLengthField() {
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "0012", decodeReset(bytes("""
                ffffffffffffffffffffffffffffffff 0012 04 00  # length 18
                """), PEER));
    }

    @Test
    void bufferShorterThanAHeaderIsBadMessageLength() {
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "0011", decodeReset(bytes("""
                ffffffffffffffffffffffffffffffff 00  # 17 octets
                """), PEER));
    }

    @Test
    void lengthBeyondTheBufferIsBadMessageLength() {
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "0017", decodeReset(bytes("""
                ffffffffffffffffffffffffffffffff 0017 02  # UPDATE of 23 octets
                0000                                      # ... but only 21 present
                """), PEER));
    }

    @Test
    void unknownTypeIsBadMessageTypeWithTheTypeField() {
        assertNotification(BgpError.BAD_MESSAGE_TYPE, "09", decodeReset(bytes("""
                ffffffffffffffffffffffffffffffff 0013 09  # type 9 is unassigned
                """), PEER));
    }

    @Test
    void decodesOneMessageAndLeavesTheNext() {
        ByteBuf in = Unpooled.wrappedBuffer(bytes(KEEPALIVE + KEEPALIVE));
        try {
            assertInstanceOf(DecodeResult.Decoded.class, BgpCodecs.standard().decode(in, PEER));
            assertEquals(19, in.readableBytes());
        } finally {
            in.release();
        }
    }

    @Test
    void updateAbove4096NeedsExtendedMessages() {
        UpdateMessage large = updateOfLength(5000);
        PeerConstraints extended = new PeerConstraints(false, true, PeerType.EXTERNAL);
        byte[] wire = encode(large, extended);
        assertEquals(5000, wire.length);
        assertEquals(large, decodeMessage(wire, extended, UpdateMessage.class));
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "1388", decodeReset(wire, PEER));
        assertThrows(IllegalArgumentException.class, () -> encode(large, PEER));
    }

    @Test
    void openStaysWithin4096EvenWithExtendedMessages() {
        byte[] open = new byte[4097];
        System.arraycopy(bytes("ffffffffffffffffffffffffffffffff 1001 01"), 0, open, 0, 19);
        assertNotification(BgpError.BAD_MESSAGE_LENGTH, "1001",
                decodeReset(open, PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.EXTERNAL)));
    }

    @Test
    void failedEncodingAppendsNothing() {
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeByte(0x2a);
            UpdateMessage tooLong = updateOfLength(5000);
            assertThrows(IllegalArgumentException.class, () -> BgpCodecs.standard().encode(tooLong, PEER, out));
            assertEquals(1, out.readableBytes());
        } finally {
            out.release();
        }
    }

    /**
     * An UPDATE of exactly {@code length} octets: 37 octets of header, length fields, ORIGIN,
     * empty AS_PATH and NEXT_HOP, then /32 prefixes (5 octets) and /24 prefixes (4 octets).
     */
    private static UpdateMessage updateOfLength(int length) {
        int remaining = length - 37;
        int slash24 = 4 * remaining % 5;
        int slash32 = (remaining - 4 * slash24) / 5;
        List<IpPrefix> nlri = IntStream.range(0, slash24 + slash32)
                .mapToObj(i -> IpPrefix.parse("10." + (i >> 8) + "." + (i & 0xFF) + ".0/" + (i < slash24 ? 24 : 32)))
                .toList();
        List<PathAttribute> attributes = List.of(Origin.IGP, AsPath.EMPTY, new NextHop(Addresses.ipv4("10.99.0.1")));
        return new UpdateMessage(List.of(), attributes, nlri);
    }
}
