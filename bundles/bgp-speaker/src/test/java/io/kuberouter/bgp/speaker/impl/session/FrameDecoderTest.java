package io.kuberouter.bgp.speaker.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.kuberouter.bgp.codec.DecodeResult.SessionReset;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.Octets;

/** Framing at the header's Length field and the header checks of RFC 4271 §6.1. */
class FrameDecoderTest {

    private static final String MARKER = "ffffffffffffffffffffffffffffffff";
    private static final String KEEPALIVE = MARKER + "0013" + "04";

    private final SessionConstraints constraints = new SessionConstraints(PeerType.EXTERNAL);
    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(constraints));

    @Test
    void cutsMessagesAcrossReads() {
        byte[] two = bytes(KEEPALIVE + KEEPALIVE);
        channel.writeInbound(Unpooled.wrappedBuffer(two, 0, 10));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(two, 10, two.length - 10));
        for (int i = 0; i < 2; i++) {
            ByteBuf frame = channel.readInbound();
            assertEquals(19, frame.readableBytes());
            frame.release();
        }
        assertFalse(channel.finish());
    }

    @Test
    void markerNotAllOnesIsConnectionNotSynchronized() {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("00" + MARKER.substring(2) + "0013" + "04" + KEEPALIVE)));
        SessionReset reset = assertInstanceOf(SessionReset.class, channel.readInbound());
        assertEquals(1, reset.notification().errorCode());
        assertEquals(1, reset.notification().errorSubcode());
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(KEEPALIVE)));
        assertNull(channel.readInbound(), "nothing is framed after a broken header");
    }

    @Test
    void lengthOutsideTheLimitsIsBadMessageLengthWithTheLengthAsData() {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(MARKER + "0012" + "04")));
        SessionReset tooShort = assertInstanceOf(SessionReset.class, channel.readInbound());
        assertEquals(Octets.fromHex("0012"), tooShort.notification().data());

        EmbeddedChannel other = new EmbeddedChannel(new FrameDecoder(constraints));
        other.writeInbound(Unpooled.wrappedBuffer(bytes(MARKER + "1001" + "02")));
        SessionReset tooLong = assertInstanceOf(SessionReset.class, other.readInbound());
        assertEquals(2, tooLong.notification().errorSubcode());
    }

    @Test
    void extendedMessagesAllowLongUpdatesButNotLongOpens() {
        constraints.set(new PeerConstraints(true, true, PeerType.EXTERNAL));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(MARKER + "1001" + "02" + "00".repeat(0x1001 - 19))));
        ByteBuf frame = channel.readInbound();
        assertEquals(0x1001, frame.readableBytes());
        frame.release();
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(MARKER + "1001" + "01")));
        assertInstanceOf(SessionReset.class, channel.readInbound(), "OPEN stays within 4096 octets (RFC 8654 §4)");
    }

    private static byte[] bytes(String hex) {
        return Octets.fromHex(hex).toByteArray();
    }
}
