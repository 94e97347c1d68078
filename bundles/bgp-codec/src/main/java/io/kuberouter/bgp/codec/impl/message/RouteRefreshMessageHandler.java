package io.kuberouter.bgp.codec.impl.message;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.impl.MessageHeader;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.RouteRefreshMessage;
import io.kuberouter.bgp.codec.spi.MessageException;
import io.kuberouter.bgp.codec.spi.MessageParser;
import io.kuberouter.bgp.codec.spi.MessageSerializer;

/**
 * ROUTE-REFRESH (RFC 2918 §3, RFC 7313 §3.2): AFI (2 octets), Reserved / Message Subtype
 * (1 octet), SAFI (1 octet).
 */
public final class RouteRefreshMessageHandler implements MessageParser, MessageSerializer<RouteRefreshMessage> {

    /** Message type 5. */
    public static final int TYPE = 5;

    private static final int BODY_LENGTH = 4;

    @Override
    public DecodeResult parse(ByteBuf body, PeerConstraints peer) throws MessageException {
        if (body.readableBytes() != BODY_LENGTH) {
            throw new MessageException(BgpError.ROUTE_REFRESH_INVALID_MESSAGE_LENGTH, wholeMessage(body),
                    "ROUTE-REFRESH body must be 4 octets, not " + body.readableBytes());
        }
        int afi = body.readUnsignedShort();
        int subtype = body.readUnsignedByte();
        int safi = body.readUnsignedByte();
        return new DecodeResult.Decoded(new RouteRefreshMessage(new AddressFamily(afi, safi), subtype));
    }

    @Override
    public void serializeBody(RouteRefreshMessage message, PeerConstraints peer, ByteBuf out) {
        out.writeShort(message.family().afi());
        out.writeByte(message.subtype());
        out.writeByte(message.family().safi());
    }

    /** RFC 7313 §5: the NOTIFICATION data is the complete offending message. */
    private static Octets wholeMessage(ByteBuf body) {
        int length = MessageHeader.LENGTH + body.readableBytes();
        byte[] message = new byte[length];
        Arrays.fill(message, 0, MessageHeader.MARKER_LENGTH, (byte) 0xFF);
        message[MessageHeader.LENGTH_OFFSET] = (byte) (length >>> 8);
        message[MessageHeader.LENGTH_OFFSET + 1] = (byte) length;
        message[MessageHeader.TYPE_OFFSET] = TYPE;
        body.getBytes(body.readerIndex(), message, MessageHeader.LENGTH, body.readableBytes());
        return Octets.of(message);
    }
}
