package io.kuberouter.bgp.codec.impl.capability;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.RouteRefreshCapability;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;
import io.kuberouter.bgp.codec.spi.MessageException;

/** Route Refresh (RFC 2918 §2): no value. */
public final class RouteRefreshCapabilityHandler
        implements CapabilityParser, CapabilitySerializer<RouteRefreshCapability> {

    /** Capability code 2. */
    public static final int CODE = 2;

    @Override
    public RouteRefreshCapability parse(ByteBuf value) throws MessageException {
        CapabilityValues.requireLength(value, 0, "route refresh");
        return new RouteRefreshCapability();
    }

    @Override
    public void serialize(RouteRefreshCapability capability, ByteBuf out) {
        CapabilityValues.write(out, CODE, value -> { });
    }
}
