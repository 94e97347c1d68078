package io.kuberouter.bgp.codec.spi;

import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;

/**
 * Writes a path attribute header and value (RFC 4271 §4.3), setting the Extended Length bit only
 * when the value exceeds 255 octets.
 */
public final class AttributeWriter {

    private static final int MAX_SHORT_LENGTH = 0xFF;
    private static final int MAX_LENGTH = 0xFFFF;

    private AttributeWriter() {
    }

    /**
     * Appends one attribute.
     *
     * @param flags Optional, Transitive and Partial bits; Extended Length and the unused low bits
     *     are computed here
     * @param typeCode attribute type code
     * @param value writes the attribute value
     * @throws IllegalArgumentException if the value exceeds 65535 octets
     */
    public static void write(ByteBuf out, int flags, int typeCode, Consumer<ByteBuf> value) {
        ByteBuf scratch = out.alloc().buffer();
        try {
            value.accept(scratch);
            writeHeader(out, flags, typeCode, scratch.readableBytes());
            out.writeBytes(scratch);
        } finally {
            scratch.release();
        }
    }

    private static void writeHeader(ByteBuf out, int flags, int typeCode, int length) {
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "attribute " + typeCode + " value of " + length + " octets exceeds " + MAX_LENGTH);
        }
        int categoryAndPartial = flags & (AttributeFlags.CATEGORY | AttributeFlags.PARTIAL);
        if (length > MAX_SHORT_LENGTH) {
            out.writeByte(categoryAndPartial | AttributeFlags.EXTENDED_LENGTH).writeByte(typeCode).writeShort(length);
        } else {
            out.writeByte(categoryAndPartial).writeByte(typeCode).writeByte(length);
        }
    }
}
