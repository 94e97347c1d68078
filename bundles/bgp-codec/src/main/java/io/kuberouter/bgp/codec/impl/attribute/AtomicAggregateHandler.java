package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.AtomicAggregate;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/** ATOMIC_AGGREGATE, no value; a non-zero length is attribute discard (RFC 7606 §7.6). */
public final class AtomicAggregateHandler implements AttributeParser, AttributeSerializer<AtomicAggregate> {

    /** Type code 6. */
    public static final int TYPE = 6;

    @Override
    public int flags() {
        return AttributeFlags.WELL_KNOWN;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.ATTRIBUTE_DISCARD;
    }

    @Override
    public AtomicAggregate parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        AttributeValues.requireLength(value, 0, "ATOMIC_AGGREGATE");
        return new AtomicAggregate();
    }

    @Override
    public void serialize(AtomicAggregate attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.WELL_KNOWN, TYPE, value -> { });
    }
}
