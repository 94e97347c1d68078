package io.kuberouter.bgp.codec.impl.attribute;

import java.net.Inet4Address;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.As4Aggregator;
import io.kuberouter.bgp.codec.spi.AddressEncoding;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * AS4_AGGREGATOR: 4-octet AS number and IPv4 address (RFC 6793 §3). Discarded when malformed
 * (RFC 6793 §6, RFC 7607 §2) and when received over a 4-octet session, where it has no place
 * (RFC 6793 §4.1).
 */
public final class As4AggregatorHandler implements AttributeParser, AttributeSerializer<As4Aggregator> {

    /** Type code 18. */
    public static final int TYPE = 18;

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.ATTRIBUTE_DISCARD;
    }

    @Override
    public As4Aggregator parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        if (peer.fourOctetAs()) {
            throw AttributeException.discard(BgpError.MALFORMED_ATTRIBUTE_LIST,
                    "AS4_AGGREGATOR on a 4-octet AS session");
        }
        AttributeValues.requireLength(value, 8, "AS4_AGGREGATOR");
        long as = value.readUnsignedInt();
        Inet4Address address = AddressEncoding.readIpv4(value);
        if (as == 0) {
            throw AttributeException.malformed(BgpError.OPTIONAL_ATTRIBUTE_ERROR,
                    "AS4_AGGREGATOR with AS 0 (RFC 7607)");
        }
        return new As4Aggregator(as, address);
    }

    @Override
    public void serialize(As4Aggregator attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_TRANSITIVE, TYPE, value -> {
            value.writeInt((int) attribute.asNumber());
            AddressEncoding.write(attribute.address(), value);
        });
    }
}
