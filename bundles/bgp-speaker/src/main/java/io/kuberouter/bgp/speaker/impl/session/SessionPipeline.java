package io.kuberouter.bgp.speaker.impl.session;

import io.netty.channel.Channel;
import io.kuberouter.bgp.codec.BgpCodec;

/** Sets up the pipeline of a BGP connection: framing, codec, and the session state machine. */
public final class SessionPipeline {

    private SessionPipeline() {
    }

    /** Adds the handlers to {@code channel} and returns its session. */
    public static SessionHandler install(Channel channel, BgpCodec codec, SessionOwner owner, LocalOpen open,
            boolean inbound) {
        SessionConstraints constraints = new SessionConstraints(open.peerType());
        SessionHandler session = new SessionHandler(owner, open, constraints, inbound);
        channel.pipeline().addLast(new FrameDecoder(constraints), new MessageDecoder(codec, constraints),
                new MessageEncoder(codec, constraints), session);
        return session;
    }
}
