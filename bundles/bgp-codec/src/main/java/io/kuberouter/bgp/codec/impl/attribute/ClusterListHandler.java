package io.kuberouter.bgp.codec.impl.attribute;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.spi.AddressEncoding;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * CLUSTER_LIST, a list of 4-octet CLUSTER_IDs (RFC 4456 §8). Discarded from external peers; a
 * length that is not a non-zero multiple of 4 is treat-as-withdraw (RFC 7606 §7.10).
 */
public final class ClusterListHandler implements AttributeParser, AttributeSerializer<ClusterList> {

    /** Type code 10. */
    public static final int TYPE = 10;

    private static final int CLUSTER_ID_LENGTH = 4;

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_NON_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public ClusterList parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        if (peer.isExternal()) {
            throw AttributeException.discard(BgpError.MALFORMED_ATTRIBUTE_LIST, "CLUSTER_LIST from an external peer");
        }
        AttributeValues.requireNonZeroMultiple(value, CLUSTER_ID_LENGTH, "CLUSTER_LIST");
        List<Inet4Address> clusterIds = new ArrayList<>(value.readableBytes() / CLUSTER_ID_LENGTH);
        while (value.isReadable()) {
            clusterIds.add(AddressEncoding.readIpv4(value));
        }
        return new ClusterList(clusterIds);
    }

    @Override
    public void serialize(ClusterList attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_NON_TRANSITIVE, TYPE,
                value -> attribute.clusterIds().forEach(id -> AddressEncoding.write(id, value)));
    }
}
