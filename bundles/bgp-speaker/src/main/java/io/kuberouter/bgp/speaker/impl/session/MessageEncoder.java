package io.kuberouter.bgp.speaker.impl.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.model.BgpMessage;

/** Encodes outgoing messages with the connection's current constraints. */
public final class MessageEncoder extends MessageToByteEncoder<BgpMessage> {

    private final BgpCodec codec;
    private final SessionConstraints constraints;

    public MessageEncoder(BgpCodec codec, SessionConstraints constraints) {
        super(BgpMessage.class);
        this.codec = codec;
        this.constraints = constraints;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, BgpMessage message, ByteBuf out) {
        codec.encode(message, constraints.get(), out);
    }
}
