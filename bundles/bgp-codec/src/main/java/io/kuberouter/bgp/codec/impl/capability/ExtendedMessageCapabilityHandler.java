package io.kuberouter.bgp.codec.impl.capability;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.ExtendedMessageCapability;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;
import io.kuberouter.bgp.codec.spi.MessageException;

/** BGP Extended Message (RFC 8654 §3): no value. */
public final class ExtendedMessageCapabilityHandler
        implements CapabilityParser, CapabilitySerializer<ExtendedMessageCapability> {

    /** Capability code 6. */
    public static final int CODE = 6;

    @Override
    public ExtendedMessageCapability parse(ByteBuf value) throws MessageException {
        CapabilityValues.requireLength(value, 0, "extended message");
        return new ExtendedMessageCapability();
    }

    @Override
    public void serialize(ExtendedMessageCapability capability, ByteBuf out) {
        CapabilityValues.write(out, CODE, value -> { });
    }
}
