package io.kuberouter.bgp.codec.impl.attribute;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.NlriException;

/** The AFI/SAFI header of MP_REACH_NLRI and MP_UNREACH_NLRI (RFC 4760 §3, §4), and their error. */
final class MultiprotocolFields {

    private static final int FAMILY_LENGTH = 3;

    private MultiprotocolFields() {
    }

    static AddressFamily readFamily(ByteBuf value, String name) throws AttributeException {
        if (value.readableBytes() < FAMILY_LENGTH) {
            throw malformed(name + " too short for AFI and SAFI: " + value.readableBytes() + " octets");
        }
        int afi = value.readUnsignedShort();
        return new AddressFamily(afi, value.readUnsignedByte());
    }

    static void writeFamily(AddressFamily family, ByteBuf out) {
        out.writeShort(family.afi());
        out.writeByte(family.safi());
    }

    /** RFC 4760 §7: an incorrect MP attribute is an Optional Attribute Error. */
    static AttributeException malformed(String message) {
        return AttributeException.malformed(BgpError.OPTIONAL_ATTRIBUTE_ERROR, message);
    }

    static AttributeException malformed(String name, NlriException e) {
        return malformed(name + ": " + e.getMessage());
    }
}
