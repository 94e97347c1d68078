package io.kuberouter.bgp.speaker.impl.session;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.DecodeResult.SessionReset;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;

/**
 * Cuts the byte stream into messages at the header's Length field (RFC 4271 §4.1):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Marker (16)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Length               |      Type     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * A marker that is not all ones or a length outside 19..4096 (65535 for other messages than OPEN
 * and KEEPALIVE once Extended Messages are negotiated, RFC 8654 §4) cannot be framed past: the
 * decoder emits the {@link SessionReset} of RFC 4271 §6.1 and discards all further input.
 * Errors are data: nothing here throws.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    static final int HEADER_LENGTH = 19;
    private static final int MARKER_LENGTH = 16;
    private static final int OPEN = 1;
    private static final int KEEPALIVE = 4;

    private final SessionConstraints constraints;
    private boolean broken;

    public FrameDecoder(SessionConstraints constraints) {
        this.constraints = constraints;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < HEADER_LENGTH) {
            return;
        }
        int start = in.readerIndex();
        int length = in.getUnsignedShort(start + MARKER_LENGTH);
        if (!markerIsAllOnes(in, start)) {
            fail(in, out, BgpError.CONNECTION_NOT_SYNCHRONIZED.notification(Octets.EMPTY), "marker is not all ones");
        } else if (length < HEADER_LENGTH || length > maxLength(in.getUnsignedByte(start + MARKER_LENGTH + 2))) {
            Octets data = Octets.of((byte) (length >>> 8), (byte) length);
            fail(in, out, BgpError.BAD_MESSAGE_LENGTH.notification(data), "bad message length " + length);
        } else if (in.readableBytes() >= length) {
            out.add(in.readRetainedSlice(length));
        }
    }

    private int maxLength(int type) {
        return type == OPEN || type == KEEPALIVE ? PeerConstraints.MAX_MESSAGE_LENGTH
                : constraints.get().maxMessageLength();
    }

    private void fail(ByteBuf in, List<Object> out, NotificationMessage notification,
            String reason) {
        broken = true;
        in.skipBytes(in.readableBytes());
        out.add(new SessionReset(notification, reason));
    }

    private static boolean markerIsAllOnes(ByteBuf in, int start) {
        for (int i = 0; i < MARKER_LENGTH; i++) {
            if (in.getByte(start + i) != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
