package io.kuberouter.bgp.codec.impl.message;

import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.kuberouter.bgp.codec.AttributeError;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * One path attribute as framed on the wire (RFC 4271 §4.3): flags, type code, a length of one or
 * two octets (Extended Length bit) and the value.
 *
 * @param flags the Attribute Flags octet
 * @param typeCode the Attribute Type Code
 * @param value the value octets
 * @param whole header and value, the NOTIFICATION data of attribute errors
 */
record RawAttribute(int flags, int typeCode, ByteBuf value, ByteBuf whole) {

    private static final int SHORT_HEADER = 3;

    /** Type code reported when the header is cut before the type (0 is reserved, IANA). */
    private static final int NO_TYPE_CODE = 0;

    /**
     * Reads the next attribute. When the remaining octets cannot hold it, records the
     * treat-as-withdraw error of RFC 7606 §4, consumes the rest and returns empty.
     */
    static Optional<RawAttribute> read(ByteBuf in, UpdateErrors errors) {
        int start = in.readerIndex();
        int flags = in.getUnsignedByte(start);
        int headerLength = SHORT_HEADER + ((flags & AttributeFlags.EXTENDED_LENGTH) != 0 ? 1 : 0);
        if (in.readableBytes() < headerLength) {
            int typeCode = in.readableBytes() > 1 ? in.getUnsignedByte(start + 1) : NO_TYPE_CODE;
            return overrun(in, errors, typeCode, in.readableBytes() + " octets left, too few for an attribute header");
        }
        int typeCode = in.getUnsignedByte(start + 1);
        int length = headerLength == SHORT_HEADER ? in.getUnsignedByte(start + 2) : in.getUnsignedShort(start + 2);
        if (headerLength + length > in.readableBytes()) {
            return overrun(in, errors, typeCode, "attribute of " + length + " octets overruns the path attributes");
        }
        ByteBuf whole = in.readSlice(headerLength + length);
        return Optional.of(new RawAttribute(flags, typeCode, whole.slice(headerLength, length), whole));
    }

    /** The attribute octets, header included. */
    Octets bytes() {
        return Octets.of(ByteBufUtil.getBytes(whole));
    }

    /** The value octets. */
    Octets valueBytes() {
        return Octets.of(ByteBufUtil.getBytes(value));
    }

    private static Optional<RawAttribute> overrun(ByteBuf in, UpdateErrors errors, int typeCode, String detail) {
        in.skipBytes(in.readableBytes());
        errors.add(ErrorHandlingApproach.TREAT_AS_WITHDRAW,
                new AttributeError(typeCode, BgpError.ATTRIBUTE_LENGTH_ERROR, detail));
        return Optional.empty();
    }
}
