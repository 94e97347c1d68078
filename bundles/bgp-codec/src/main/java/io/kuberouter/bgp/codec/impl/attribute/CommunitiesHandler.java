package io.kuberouter.bgp.codec.impl.attribute;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.Community;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * COMMUNITIES, a list of 4-octet values (RFC 1997); a length that is not a non-zero multiple of 4
 * is treat-as-withdraw (RFC 7606 §7.8).
 */
public final class CommunitiesHandler implements AttributeParser, AttributeSerializer<Communities> {

    /** Type code 8. */
    public static final int TYPE = 8;

    private static final int COMMUNITY_LENGTH = 4;

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public Communities parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        AttributeValues.requireNonZeroMultiple(value, COMMUNITY_LENGTH, "COMMUNITIES");
        List<Community> communities = new ArrayList<>(value.readableBytes() / COMMUNITY_LENGTH);
        while (value.isReadable()) {
            communities.add(Community.fromBits(value.readInt()));
        }
        return new Communities(communities);
    }

    @Override
    public void serialize(Communities attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_TRANSITIVE, TYPE,
                value -> attribute.communities().forEach(community -> value.writeInt(community.toBits())));
    }
}
