package io.kuberouter.bgp.codec.impl.message;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.impl.MessageHeader;
import io.kuberouter.bgp.codec.spi.MessageException;

/**
 * The three variable fields of an UPDATE body (RFC 4271 §4.3), located from the two length fields
 * before anything inside them is parsed, so that the NLRI can be found even when an attribute is
 * malformed (RFC 7606 §4):
 *
 * <pre>
 * +-----------------------------------------------------+
 * |   Withdrawn Routes Length (2 octets)                |
 * +-----------------------------------------------------+
 * |   Withdrawn Routes (variable)                       |
 * +-----------------------------------------------------+
 * |   Total Path Attribute Length (2 octets)            |
 * +-----------------------------------------------------+
 * |   Path Attributes (variable)                        |
 * +-----------------------------------------------------+
 * |   Network Layer Reachability Information (variable) |
 * +-----------------------------------------------------+
 * </pre>
 */
record UpdateLayout(ByteBuf withdrawnRoutes, ByteBuf attributes, ByteBuf nlri) {

    private static final int LENGTH_FIELDS = 4;

    /**
     * Slices {@code body}.
     *
     * @throws MessageException Bad Message Length below 23 octets; Malformed Attribute List when
     *     the length fields exceed the message (RFC 4271 §6.3)
     */
    static UpdateLayout locate(ByteBuf body) throws MessageException {
        if (body.readableBytes() < LENGTH_FIELDS) {
            throw MessageException.badLength(MessageHeader.LENGTH + body.readableBytes(),
                    "UPDATE needs at least 23 octets");
        }
        int withdrawnLength = body.readUnsignedShort();
        if (withdrawnLength + 2 > body.readableBytes()) {
            throw malformedList("Withdrawn Routes Length " + withdrawnLength + " exceeds the message");
        }
        ByteBuf withdrawn = body.readSlice(withdrawnLength);
        int attributesLength = body.readUnsignedShort();
        if (attributesLength > body.readableBytes()) {
            throw malformedList("Total Path Attribute Length " + attributesLength + " exceeds the message");
        }
        ByteBuf attributes = body.readSlice(attributesLength);
        return new UpdateLayout(withdrawn, attributes, body.readSlice(body.readableBytes()));
    }

    private static MessageException malformedList(String message) {
        return new MessageException(BgpError.MALFORMED_ATTRIBUTE_LIST, message);
    }
}
