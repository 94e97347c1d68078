package io.kuberouter.bgp.codec.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.Capability;

/** Lookup side of the capability handlers. */
@ProviderType
public interface CapabilityRegistry {

    /** The parser of capability {@code code}, if registered. */
    Optional<CapabilityParser> parser(int code);

    /**
     * Appends {@code capability} with the serializer of its class.
     *
     * @throws IllegalArgumentException if none is registered or it refuses the capability
     */
    void serialize(Capability capability, ByteBuf out);
}
