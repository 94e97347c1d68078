package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.OriginType;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * ORIGIN, one octet (RFC 4271 §4.3). Malformed – length other than 1 or an undefined value – is
 * treat-as-withdraw (RFC 7606 §7.1).
 */
public final class OriginHandler implements AttributeParser, AttributeSerializer<Origin> {

    /** Type code 1. */
    public static final int TYPE = 1;

    @Override
    public int flags() {
        return AttributeFlags.WELL_KNOWN;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public Origin parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        AttributeValues.requireLength(value, 1, "ORIGIN");
        int code = value.readUnsignedByte();
        return OriginType.fromCode(code).map(Origin::new).orElseThrow(() -> AttributeException
                .malformed(BgpError.INVALID_ORIGIN_ATTRIBUTE, "undefined ORIGIN value " + code));
    }

    @Override
    public void serialize(Origin attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.WELL_KNOWN, TYPE, value -> value.writeByte(attribute.type().code()));
    }
}
