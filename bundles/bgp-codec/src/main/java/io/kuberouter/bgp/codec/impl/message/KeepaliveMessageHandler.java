package io.kuberouter.bgp.codec.impl.message;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.impl.MessageHeader;
import io.kuberouter.bgp.codec.model.KeepaliveMessage;
import io.kuberouter.bgp.codec.spi.MessageException;
import io.kuberouter.bgp.codec.spi.MessageParser;
import io.kuberouter.bgp.codec.spi.MessageSerializer;

/** KEEPALIVE (RFC 4271 §4.4): exactly the 19-octet header. */
public final class KeepaliveMessageHandler implements MessageParser, MessageSerializer<KeepaliveMessage> {

    /** Message type 4. */
    public static final int TYPE = 4;

    private static final DecodeResult KEEPALIVE = new DecodeResult.Decoded(new KeepaliveMessage());

    @Override
    public DecodeResult parse(ByteBuf body, PeerConstraints peer) throws MessageException {
        if (body.isReadable()) {
            throw MessageException.badLength(MessageHeader.LENGTH + body.readableBytes(),
                    "KEEPALIVE must have no body");
        }
        return KEEPALIVE;
    }

    @Override
    public void serializeBody(KeepaliveMessage message, PeerConstraints peer, ByteBuf out) {
        // header only
    }
}
