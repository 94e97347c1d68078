package io.kuberouter.bgp.codec.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.PathAttribute;

/** Lookup side of the path attribute handlers. */
@ProviderType
public interface AttributeRegistry {

    /** The parser of {@code typeCode}, if registered. */
    Optional<AttributeParser> parser(int typeCode);

    /**
     * Appends {@code attribute} with the serializer of its class.
     *
     * @throws IllegalArgumentException if none is registered or it refuses the attribute
     */
    void serialize(PathAttribute attribute, PeerConstraints peer, ByteBuf out);
}
