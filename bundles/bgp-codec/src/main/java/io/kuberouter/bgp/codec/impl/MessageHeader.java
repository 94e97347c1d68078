package io.kuberouter.bgp.codec.impl;

import io.netty.buffer.ByteBuf;

/**
 * The 19-octet message header (RFC 4271 §4.1):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                                                               +
 * |                           Marker                              |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Length               |      Type     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class MessageHeader {

    /** Octets of the Marker, all ones. */
    public static final int MARKER_LENGTH = 16;

    /** Offset of the Length field. */
    public static final int LENGTH_OFFSET = MARKER_LENGTH;

    /** Offset of the Type field. */
    public static final int TYPE_OFFSET = LENGTH_OFFSET + 2;

    /** Octets of the whole header, also the smallest message. */
    public static final int LENGTH = TYPE_OFFSET + 1;

    private MessageHeader() {
    }

    /** Writes the marker, a length placeholder and the type. */
    public static void writeStart(ByteBuf out, int type) {
        for (int i = 0; i < MARKER_LENGTH; i++) {
            out.writeByte(0xFF);
        }
        out.writeShort(0);
        out.writeByte(type);
    }

    /** True if the marker at {@code index} is all ones. */
    public static boolean hasValidMarker(ByteBuf in, int index) {
        for (int i = 0; i < MARKER_LENGTH; i++) {
            if (in.getByte(index + i) != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
