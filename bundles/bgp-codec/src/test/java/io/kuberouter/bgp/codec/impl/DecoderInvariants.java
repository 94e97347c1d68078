package io.kuberouter.bgp.codec.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.BgpMessage;

/**
 * What must hold for any input octets: decoding returns a result without throwing, leaves the
 * buffer's reference count alone and allocates no buffer it keeps, never ends in the
 * decoder-failure fallback, encoding releases every scratch buffer, and a message it
 * accepts (also after attribute discard) encodes to a canonical form that decodes and encodes to
 * itself.
 */
final class DecoderInvariants {

    private static final BgpCodec CODEC = BgpCodecs.standard();

    private DecoderInvariants() {
    }

    /** Checks {@code input}; returns the result for statistics. */
    static DecodeResult check(byte[] input, PeerConstraints peer) {
        DecodeResult result = decode(input, peer);
        if (result instanceof DecodeResult.SessionReset reset) {
            assertFalse(reset.reason().startsWith(MessageRegistry.DECODER_FAILURE), reset.reason());
        }
        if (result instanceof DecodeResult.Decoded decoded) {
            checkCanonical(decoded.message(), peer);
        }
        if (result instanceof DecodeResult.AttributeDiscard discard) {
            checkCanonical(discard.update(), peer);
        }
        return result;
    }

    private static void checkCanonical(BgpMessage message, PeerConstraints peer) {
        byte[] encoded;
        try {
            encoded = encode(message, peer);
        } catch (IllegalArgumentException tooLongForThisPeer) {
            return;
        }
        DecodeResult again = decode(encoded, peer);
        BgpMessage reDecoded = assertInstanceOf(DecodeResult.Decoded.class, again, "re-decoding " + message).message();
        assertEquals(ByteBufUtil.hexDump(encoded), ByteBufUtil.hexDump(encode(reDecoded, peer)));
    }

    private static DecodeResult decode(byte[] input, PeerConstraints peer) {
        TrackingAllocator allocator = new TrackingAllocator();
        ByteBuf in = allocator.buffer(input.length).writeBytes(input);
        try {
            DecodeResult result = CODEC.decode(in, peer);
            assertEquals(1, in.refCnt(), "decoder released or retained its input");
            assertEquals(1, allocator.unreleased(), "decoder left a buffer unreleased");
            return result;
        } finally {
            in.release();
        }
    }

    /** Encodes into a tracked buffer: scratch buffers taken from {@code out.alloc()} must be released. */
    private static byte[] encode(BgpMessage message, PeerConstraints peer) {
        TrackingAllocator allocator = new TrackingAllocator();
        ByteBuf out = allocator.buffer();
        try {
            CODEC.encode(message, peer, out);
            assertEquals(1, allocator.unreleased(), "encoder left a buffer unreleased");
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
