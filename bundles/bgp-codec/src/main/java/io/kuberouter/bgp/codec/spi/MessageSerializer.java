package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.ConsumerType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.BgpMessage;

/** Writes the body of one message type; the codec writes the header around it. */
@ConsumerType
public interface MessageSerializer<T extends BgpMessage> {

    /**
     * Appends the body of {@code message} to {@code out}.
     *
     * @throws IllegalArgumentException if the message cannot be encoded
     */
    void serializeBody(T message, PeerConstraints peer, ByteBuf out);
}
