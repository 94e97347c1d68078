package io.kuberouter.bgp.codec.impl.attribute;

import java.net.InetAddress;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;
import io.kuberouter.bgp.codec.spi.LengthPrefixed;
import io.kuberouter.bgp.codec.spi.NlriException;
import io.kuberouter.bgp.codec.spi.NlriParser;
import io.kuberouter.bgp.codec.spi.NlriRegistry;
import io.kuberouter.bgp.codec.spi.NlriSerializer;

/**
 * MP_REACH_NLRI (RFC 4760 §3); next hop and NLRI are delegated to the family's NLRI handler:
 *
 * <pre>
 * +---------------------------------------------------------+
 * | Address Family Identifier (2 octets)                    |
 * +---------------------------------------------------------+
 * | Subsequent Address Family Identifier (1 octet)          |
 * +---------------------------------------------------------+
 * | Length of Next Hop Network Address (1 octet)            |
 * +---------------------------------------------------------+
 * | Network Address of Next Hop (variable)                  |
 * +---------------------------------------------------------+
 * | Reserved (1 octet)                                      |
 * +---------------------------------------------------------+
 * | Network Layer Reachability Information (variable)       |
 * +---------------------------------------------------------+
 * </pre>
 *
 * Since the NLRI cannot be located when it is malformed, the approach is session reset (RFC 7606
 * §7.11); an unsupported family is treated the same way.
 */
public final class MpReachNlriHandler implements AttributeParser, AttributeSerializer<MpReachNlri> {

    /** Type code 14. */
    public static final int TYPE = 14;

    private static final String NAME = "MP_REACH_NLRI";
    private static final int RESERVED_LENGTH = 1;

    private final NlriRegistry nlri;

    public MpReachNlriHandler(NlriRegistry nlri) {
        this.nlri = nlri;
    }

    @Override
    public int flags() {
        return AttributeFlags.OPTIONAL_NON_TRANSITIVE;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.SESSION_RESET;
    }

    @Override
    public MpReachNlri parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        AddressFamily family = MultiprotocolFields.readFamily(value, NAME);
        NlriParser parser = nlri.parser(family)
                .orElseThrow(() -> MultiprotocolFields.malformed(NAME + " of unsupported family " + family));
        int nextHopLength = value.readUnsignedByte();
        if (nextHopLength + RESERVED_LENGTH > value.readableBytes()) {
            throw MultiprotocolFields.malformed(
                    NAME + " next hop of " + nextHopLength + " octets overruns the attribute");
        }
        try {
            List<InetAddress> nextHops = parser.parseNextHops(value.readSlice(nextHopLength));
            value.skipBytes(RESERVED_LENGTH);
            List<IpPrefix> prefixes = parser.parsePrefixes(value.readSlice(value.readableBytes()), peer);
            return new MpReachNlri(family, nextHops, prefixes);
        } catch (NlriException e) {
            throw MultiprotocolFields.malformed(NAME, e);
        }
    }

    @Override
    public void serialize(MpReachNlri attribute, PeerConstraints peer, ByteBuf out) {
        NlriSerializer serializer = nlri.serializer(attribute.family())
                .orElseThrow(() -> new IllegalArgumentException("no NLRI serializer for " + attribute.family()));
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_NON_TRANSITIVE, TYPE, value -> {
            MultiprotocolFields.writeFamily(attribute.family(), value);
            LengthPrefixed.writeWithLength8(value,
                    nextHop -> serializer.serializeNextHops(attribute.nextHops(), nextHop));
            value.writeZero(RESERVED_LENGTH);
            serializer.serializePrefixes(attribute.prefixes(), peer, value);
        });
    }
}
