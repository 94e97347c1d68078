package io.kuberouter.bgp.codec.impl.capability;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.UnknownCapability;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;

/** Re-encodes an opaque capability as received. */
public final class UnknownCapabilitySerializer implements CapabilitySerializer<UnknownCapability> {

    @Override
    public void serialize(UnknownCapability capability, ByteBuf out) {
        CapabilityValues.write(out, capability.code(), value -> value.writeBytes(capability.value().toByteArray()));
    }
}
