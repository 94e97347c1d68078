package io.kuberouter.bgp.codec.spi;

import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;

/** Writes a length field followed by content whose length is known only once written. */
public final class LengthPrefixed {

    private LengthPrefixed() {
    }

    /**
     * Writes a one-octet length, then {@code content}.
     *
     * @throws IllegalArgumentException if the content exceeds 255 octets
     */
    public static void writeWithLength8(ByteBuf out, Consumer<ByteBuf> content) {
        int lengthIndex = out.writerIndex();
        out.writeByte(0);
        content.accept(out);
        out.setByte(lengthIndex, checkedLength(out, lengthIndex + 1, 0xFF));
    }

    /**
     * Writes a two-octet length, then {@code content}.
     *
     * @throws IllegalArgumentException if the content exceeds 65535 octets
     */
    public static void writeWithLength16(ByteBuf out, Consumer<ByteBuf> content) {
        int lengthIndex = out.writerIndex();
        out.writeShort(0);
        content.accept(out);
        out.setShort(lengthIndex, checkedLength(out, lengthIndex + 2, 0xFFFF));
    }

    private static int checkedLength(ByteBuf out, int contentStart, int max) {
        int length = out.writerIndex() - contentStart;
        if (length > max) {
            throw new IllegalArgumentException(length + " octets do not fit a length field of at most " + max);
        }
        return length;
    }
}
