package io.kuberouter.bgp.codec.impl.capability;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;
import io.kuberouter.bgp.codec.spi.MessageException;

/** Support for 4-octet AS number (RFC 6793 §3): the AS in 4 octets. */
public final class FourOctetAsCapabilityHandler
        implements CapabilityParser, CapabilitySerializer<FourOctetAsCapability> {

    /** Capability code 65. */
    public static final int CODE = 65;

    private static final int LENGTH = 4;

    @Override
    public FourOctetAsCapability parse(ByteBuf value) throws MessageException {
        CapabilityValues.requireLength(value, LENGTH, "4-octet AS");
        return new FourOctetAsCapability(value.readUnsignedInt());
    }

    @Override
    public void serialize(FourOctetAsCapability capability, ByteBuf out) {
        CapabilityValues.write(out, CODE, value -> value.writeInt((int) capability.asNumber()));
    }
}
