package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.ConsumerType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.PathAttribute;

/** Writes one path attribute, header included; see {@link AttributeWriter}. */
@ConsumerType
public interface AttributeSerializer<T extends PathAttribute> {

    /**
     * Appends {@code attribute} as flags, type, length and value to {@code out}.
     *
     * @throws IllegalArgumentException if the attribute cannot be encoded for this peer
     */
    void serialize(T attribute, PeerConstraints peer, ByteBuf out);
}
