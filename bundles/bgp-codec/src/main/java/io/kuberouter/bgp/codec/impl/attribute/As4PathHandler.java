package io.kuberouter.bgp.codec.impl.attribute;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.As4Path;
import io.kuberouter.bgp.codec.model.AsPathSegment;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * AS4_PATH, segments of 4-octet AS numbers (RFC 6793 §3). Discarded when malformed (RFC 6793 §6)
 * and when received over a 4-octet session (RFC 6793 §4.1); confederation segments are dropped
 * and the rest kept (RFC 6793 §6).
 */
public final class As4PathHandler implements AttributeParser, AttributeSerializer<As4Path> {

    /** Type code 17. */
    public static final int TYPE = 17;

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.ATTRIBUTE_DISCARD;
    }

    @Override
    public As4Path parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        if (peer.fourOctetAs()) {
            throw AttributeException.discard(BgpError.MALFORMED_ATTRIBUTE_LIST, "AS4_PATH on a 4-octet AS session");
        }
        List<AsPathSegment> segments = AsPathSegments.read(value, 4);
        return new As4Path(segments.stream().filter(segment -> !segment.type().isConfederation()).toList());
    }

    @Override
    public void serialize(As4Path attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_TRANSITIVE, TYPE,
                value -> AsPathSegments.write(attribute.segments(), 4, value));
    }
}
