package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.UnknownAttribute;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;

/**
 * Re-encodes a kept unrecognised attribute. An optional transitive one is passed on with the
 * Partial bit set (RFC 4271 §5).
 */
public final class UnknownAttributeSerializer implements AttributeSerializer<UnknownAttribute> {

    @Override
    public void serialize(UnknownAttribute attribute, PeerConstraints peer, ByteBuf out) {
        int flags = attribute.flags();
        if ((flags & AttributeFlags.CATEGORY) == AttributeFlags.OPTIONAL_TRANSITIVE) {
            flags |= AttributeFlags.PARTIAL;
        }
        AttributeWriter.write(out, flags, attribute.typeCode(),
                value -> value.writeBytes(attribute.value().toByteArray()));
    }
}
