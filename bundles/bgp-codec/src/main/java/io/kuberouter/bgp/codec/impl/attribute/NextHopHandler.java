package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.spi.AddressEncoding;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/** NEXT_HOP, an IPv4 address; a length other than 4 is treat-as-withdraw (RFC 7606 §7.3). */
public final class NextHopHandler implements AttributeParser, AttributeSerializer<NextHop> {

    /** Type code 3. */
    public static final int TYPE = 3;

    @Override
    public int flags() {
        return AttributeFlags.WELL_KNOWN;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public NextHop parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        AttributeValues.requireLength(value, 4, "NEXT_HOP");
        return new NextHop(AddressEncoding.readIpv4(value));
    }

    @Override
    public void serialize(NextHop attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.WELL_KNOWN, TYPE,
                value -> AddressEncoding.write(attribute.address(), value));
    }
}
