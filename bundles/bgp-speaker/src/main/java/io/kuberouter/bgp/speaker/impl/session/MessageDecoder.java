package io.kuberouter.bgp.speaker.impl.session;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.kuberouter.bgp.codec.BgpCodec;

/** Turns each framed message into the codec's {@link io.kuberouter.bgp.codec.DecodeResult}. */
public final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    private final BgpCodec codec;
    private final SessionConstraints constraints;

    public MessageDecoder(BgpCodec codec, SessionConstraints constraints) {
        super(ByteBuf.class);
        this.codec = codec;
        this.constraints = constraints;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(codec.decode(frame, constraints.get()));
    }
}
