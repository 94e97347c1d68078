package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.ConsumerType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.Capability;

/** Writes one capability as code, length and value (RFC 5492 §4). */
@ConsumerType
public interface CapabilitySerializer<T extends Capability> {

    /**
     * Appends {@code capability} to {@code out}.
     *
     * @throws IllegalArgumentException if the capability cannot be encoded
     */
    void serialize(T capability, ByteBuf out);
}
