package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.MpUnreachNlri;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;
import io.kuberouter.bgp.codec.spi.NlriException;
import io.kuberouter.bgp.codec.spi.NlriParser;
import io.kuberouter.bgp.codec.spi.NlriRegistry;
import io.kuberouter.bgp.codec.spi.NlriSerializer;

/**
 * MP_UNREACH_NLRI (RFC 4760 §4): AFI (2 octets), SAFI (1 octet), Withdrawn Routes. Malformed or
 * of an unsupported family is session reset (RFC 7606 §7.12).
 */
public final class MpUnreachNlriHandler implements AttributeParser, AttributeSerializer<MpUnreachNlri> {

    /** Type code 15. */
    public static final int TYPE = 15;

    private static final String NAME = "MP_UNREACH_NLRI";

    private final NlriRegistry nlri;

    public MpUnreachNlriHandler(NlriRegistry nlri) {
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
    public MpUnreachNlri parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        AddressFamily family = MultiprotocolFields.readFamily(value, NAME);
        NlriParser parser = nlri.parser(family)
                .orElseThrow(() -> MultiprotocolFields.malformed(NAME + " of unsupported family " + family));
        try {
            return new MpUnreachNlri(family, parser.parsePrefixes(value.readSlice(value.readableBytes()), peer));
        } catch (NlriException e) {
            throw MultiprotocolFields.malformed(NAME, e);
        }
    }

    @Override
    public void serialize(MpUnreachNlri attribute, PeerConstraints peer, ByteBuf out) {
        NlriSerializer serializer = nlri.serializer(attribute.family())
                .orElseThrow(() -> new IllegalArgumentException("no NLRI serializer for " + attribute.family()));
        AttributeWriter.write(out, AttributeFlags.OPTIONAL_NON_TRANSITIVE, TYPE, value -> {
            MultiprotocolFields.writeFamily(attribute.family(), value);
            serializer.serializePrefixes(attribute.prefixes(), peer, value);
        });
    }
}
