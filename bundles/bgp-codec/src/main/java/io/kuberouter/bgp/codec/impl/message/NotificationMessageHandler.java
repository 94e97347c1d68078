package io.kuberouter.bgp.codec.impl.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.impl.MessageHeader;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.spi.MessageException;
import io.kuberouter.bgp.codec.spi.MessageParser;
import io.kuberouter.bgp.codec.spi.MessageSerializer;

/** NOTIFICATION (RFC 4271 §4.5): Error Code, Error Subcode, Data. */
public final class NotificationMessageHandler implements MessageParser, MessageSerializer<NotificationMessage> {

    /** Message type 3. */
    public static final int TYPE = 3;

    private static final int MIN_BODY = 2;

    @Override
    public DecodeResult parse(ByteBuf body, PeerConstraints peer) throws MessageException {
        if (body.readableBytes() < MIN_BODY) {
            throw MessageException.badLength(MessageHeader.LENGTH + body.readableBytes(),
                    "NOTIFICATION needs code and subcode");
        }
        int code = body.readUnsignedByte();
        int subcode = body.readUnsignedByte();
        Octets data = Octets.of(ByteBufUtil.getBytes(body));
        return new DecodeResult.Decoded(new NotificationMessage(code, subcode, data));
    }

    @Override
    public void serializeBody(NotificationMessage message, PeerConstraints peer, ByteBuf out) {
        out.writeByte(message.errorCode());
        out.writeByte(message.errorSubcode());
        out.writeBytes(message.data().toByteArray());
    }
}
