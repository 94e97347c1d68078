package io.kuberouter.bgp.codec.impl.capability;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;
import io.kuberouter.bgp.codec.spi.MessageException;

/** Multiprotocol Extensions (RFC 4760 §8): AFI (2 octets), Reserved (1), SAFI (1). */
public final class MultiprotocolCapabilityHandler
        implements CapabilityParser, CapabilitySerializer<MultiprotocolCapability> {

    /** Capability code 1. */
    public static final int CODE = 1;

    private static final int LENGTH = 4;

    @Override
    public MultiprotocolCapability parse(ByteBuf value) throws MessageException {
        CapabilityValues.requireLength(value, LENGTH, "multiprotocol");
        int afi = value.readUnsignedShort();
        value.skipBytes(1);
        return new MultiprotocolCapability(new AddressFamily(afi, value.readUnsignedByte()));
    }

    @Override
    public void serialize(MultiprotocolCapability capability, ByteBuf out) {
        CapabilityValues.write(out, CODE, value -> {
            value.writeShort(capability.family().afi());
            value.writeByte(0);
            value.writeByte(capability.family().safi());
        });
    }
}
