package io.kuberouter.bgp.codec.impl.attribute;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.LargeCommunities;
import io.kuberouter.bgp.codec.model.LargeCommunity;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * LARGE_COMMUNITY, a list of 12-octet values (RFC 8092 §3); a length that is not a non-zero
 * multiple of 12 is treat-as-withdraw (RFC 8092 §6). Duplicates are allowed.
 */
public final class LargeCommunitiesHandler implements AttributeParser, AttributeSerializer<LargeCommunities> {

    /** Type code 32. */
    public static final int TYPE = 32;

    private static final int COMMUNITY_LENGTH = 12;

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public LargeCommunities parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        AttributeValues.requireNonZeroMultiple(value, COMMUNITY_LENGTH, "LARGE_COMMUNITY");
        List<LargeCommunity> communities = new ArrayList<>(value.readableBytes() / COMMUNITY_LENGTH);
        while (value.isReadable()) {
            long globalAdministrator = value.readUnsignedInt();
            long localData1 = value.readUnsignedInt();
            communities.add(new LargeCommunity(globalAdministrator, localData1, value.readUnsignedInt()));
        }
        return new LargeCommunities(communities);
    }

    @Override
    public void serialize(LargeCommunities attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_TRANSITIVE, TYPE,
                value -> attribute.communities().forEach(community -> {
                    value.writeInt((int) community.globalAdministrator());
                    value.writeInt((int) community.localData1());
                    value.writeInt((int) community.localData2());
                }));
    }
}
