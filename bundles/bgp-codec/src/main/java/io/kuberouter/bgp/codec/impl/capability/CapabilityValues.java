package io.kuberouter.bgp.codec.impl.capability;

import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.spi.LengthPrefixed;
import io.kuberouter.bgp.codec.spi.MessageException;

/** Shared checks and writing of capability triples (RFC 5492 §4). */
final class CapabilityValues {

    private CapabilityValues() {
    }

    /**
     * A capability whose value has another length is malformed; RFC 5492 names no subcode for
     * that, so it is an OPEN Message Error without one.
     */
    static void requireLength(ByteBuf value, int length, String name) throws MessageException {
        if (value.readableBytes() != length) {
            throw malformed(name + " capability must have " + length + " octets, not " + value.readableBytes());
        }
    }

    static MessageException malformed(String message) {
        return new MessageException(BgpError.OPEN_UNSPECIFIC, message);
    }

    /** Writes code, length and value. */
    static void write(ByteBuf out, int code, Consumer<ByteBuf> value) {
        out.writeByte(code);
        LengthPrefixed.writeWithLength8(out, value);
    }
}
