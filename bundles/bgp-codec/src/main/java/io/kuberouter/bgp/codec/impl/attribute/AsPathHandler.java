package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * AS_PATH with 4-octet AS numbers when the session negotiated them, else 2-octet ones with
 * AS_TRANS standing for larger numbers (RFC 6793 §4). Malformed is treat-as-withdraw (RFC 7606
 * §7.2).
 */
public final class AsPathHandler implements AttributeParser, AttributeSerializer<AsPath> {

    /** Type code 2. */
    public static final int TYPE = 2;

    @Override
    public int flags() {
        return AttributeFlags.WELL_KNOWN;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public AsPath parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        return new AsPath(AsPathSegments.read(value, asOctets(peer)));
    }

    @Override
    public void serialize(AsPath attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.WELL_KNOWN, TYPE,
                value -> AsPathSegments.write(attribute.segments(), asOctets(peer), value));
    }

    private static int asOctets(PeerConstraints peer) {
        return peer.fourOctetAs() ? 4 : 2;
    }
}
