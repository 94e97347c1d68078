package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.LocalPref;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;

/**
 * LOCAL_PREF, 4 octets (RFC 4271 §5.1.5). From an external peer it is discarded; from an
 * internal peer a length other than 4 is treat-as-withdraw (RFC 7606 §7.5).
 */
public final class LocalPrefHandler implements AttributeParser, AttributeSerializer<LocalPref> {

    /** Type code 5. */
    public static final int TYPE = 5;

    @Override
    public int flags() {
        return AttributeFlags.WELL_KNOWN;
    }

    @Override
    public ErrorHandlingApproach malformedApproach() {
        return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
    }

    @Override
    public LocalPref parse(ByteBuf value, PeerConstraints peer) throws AttributeException {
        if (peer.isExternal()) {
            throw AttributeException.discard(BgpError.MALFORMED_ATTRIBUTE_LIST, "LOCAL_PREF from an external peer");
        }
        AttributeValues.requireLength(value, 4, "LOCAL_PREF");
        return new LocalPref(value.readUnsignedInt());
    }

    @Override
    public void serialize(LocalPref attribute, PeerConstraints peer, ByteBuf out) {
        AttributeWriter.write(out, AttributeFlags.WELL_KNOWN, TYPE, value -> value.writeInt((int) attribute.value()));
    }
}
