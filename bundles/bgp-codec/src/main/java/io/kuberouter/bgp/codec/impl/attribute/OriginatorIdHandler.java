package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.spi.AddressEncoding;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * ORIGINATOR_ID, 4 octets (RFC 4456 §8). Discarded from external peers; a length other than 4 is
 * treat-as-withdraw (RFC 7606 §7.9).
 */
public final class OriginatorIdHandler implements AttributeParser, AttributeSerializer<OriginatorId> {

    /** Type code 9. */
    public static final int TYPE = 9;

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_NON_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public OriginatorId parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        if (peer.isExternal()) {
            throw AttributeException.discard(BgpError.MALFORMED_ATTRIBUTE_LIST, "ORIGINATOR_ID from an external peer");
        }
        AttributeValues.requireLength(value, 4, "ORIGINATOR_ID");
        return new OriginatorId(AddressEncoding.readIpv4(value));
    }

    @Override
    public void serialize(OriginatorId attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_NON_TRANSITIVE, TYPE,
                value -> AddressEncoding.write(attribute.originator(), value));
    }
}
