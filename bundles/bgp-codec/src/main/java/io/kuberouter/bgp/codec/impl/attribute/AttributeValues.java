package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.spi.AttributeException;

/** Length checks shared by the attribute parsers (RFC 7606 §7). */
final class AttributeValues {

    private AttributeValues() {
    }

    /** A fixed-length attribute must have exactly {@code length} octets. */
    static void requireLength(ByteBuf value, int length, String name) throws AttributeException {
        if (value.readableBytes() != length) {
            throw AttributeException.malformed(BgpError.ATTRIBUTE_LENGTH_ERROR,
                    name + " must have " + length + " octets, not " + value.readableBytes());
        }
    }

    /** A list attribute must have a non-zero multiple of {@code unit} octets. */
    static void requireNonZeroMultiple(ByteBuf value, int unit, String name) throws AttributeException {
        int length = value.readableBytes();
        if (length == 0 || length % unit != 0) {
            throw AttributeException.malformed(BgpError.ATTRIBUTE_LENGTH_ERROR,
                    name + " length must be a non-zero multiple of " + unit + ", not " + length);
        }
    }

    /** Reads an AS number of 2 or 4 octets. */
    static long readAsNumber(ByteBuf value, int octets) {
        return octets == 4 ? value.readUnsignedInt() : value.readUnsignedShort();
    }

    /** Writes an AS number in 2 or 4 octets; in 2 octets, numbers above 65535 become AS_TRANS (RFC 6793 §4.2.2). */
    static void writeAsNumber(long asNumber, int octets, ByteBuf out) {
        if (octets == 4) {
            out.writeInt((int) asNumber);
        } else {
            out.writeShort(asNumber > 0xFFFF ? FourOctetAsCapability.AS_TRANS : (int) asNumber);
        }
    }
}
