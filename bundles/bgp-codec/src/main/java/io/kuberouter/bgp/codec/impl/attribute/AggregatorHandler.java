package io.kuberouter.bgp.codec.impl.attribute;

import java.net.Inet4Address;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.Aggregator;
import io.kuberouter.bgp.codec.spi.AddressEncoding;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * AGGREGATOR: AS number (2 or 4 octets, as negotiated) and IPv4 address. A wrong length (RFC 7606
 * §7.7) or AS 0 (RFC 7607 §2) is attribute discard.
 */
public final class AggregatorHandler implements AttributeParser, AttributeSerializer<Aggregator> {

    /** Type code 7. */
    public static final int TYPE = 7;

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.ATTRIBUTE_DISCARD;
    }

    @Override
    public Aggregator parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        int asOctets = asOctets(peer);
        AttributeValues.requireLength(value, asOctets + 4, "AGGREGATOR");
        long as = AttributeValues.readAsNumber(value, asOctets);
        Inet4Address address = AddressEncoding.readIpv4(value);
        if (as == 0) {
            throw AttributeException.malformed(BgpError.OPTIONAL_ATTRIBUTE_ERROR, "AGGREGATOR with AS 0 (RFC 7607)");
        }
        return new Aggregator(as, address);
    }

    @Override
    public void serialize(Aggregator attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_TRANSITIVE, TYPE, value -> {
            AttributeValues.writeAsNumber(attribute.asNumber(), asOctets(peer), value);
            AddressEncoding.write(attribute.address(), value);
        });
    }

    private static int asOctets(PeerConstraints peer) {
        return peer.fourOctetAs() ? 4 : 2;
    }
}
