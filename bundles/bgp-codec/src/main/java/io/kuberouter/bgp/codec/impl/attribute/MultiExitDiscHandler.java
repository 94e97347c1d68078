package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.MultiExitDisc;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/** MULTI_EXIT_DISC, 4 octets; any other length is treat-as-withdraw (RFC 7606 §7.4). */
public final class MultiExitDiscHandler implements AttributeParser, AttributeSerializer<MultiExitDisc> {

    /** Type code 4. */
    public static final int TYPE = 4;

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_NON_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public MultiExitDisc parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        AttributeValues.requireLength(value, 4, "MULTI_EXIT_DISC");
        return new MultiExitDisc(value.readUnsignedInt());
    }

    @Override
    public void serialize(MultiExitDisc attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_NON_TRANSITIVE, TYPE,
                value -> value.writeInt((int) attribute.value()));
    }
}
