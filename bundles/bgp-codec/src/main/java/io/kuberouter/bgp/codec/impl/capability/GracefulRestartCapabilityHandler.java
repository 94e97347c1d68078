package io.kuberouter.bgp.codec.impl.capability;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability.ForwardingState;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;
import io.kuberouter.bgp.codec.spi.MessageException;

/**
 * Graceful Restart (RFC 4724 §3, N bit of RFC 8538 §2):
 *
 * <pre>
 * +--------------------------------------------------+
 * | Restart Flags (4 bits)                           |
 * +--------------------------------------------------+
 * | Restart Time in seconds (12 bits)                |
 * +--------------------------------------------------+
 * | Address Family Identifier (16 bits)              |
 * +--------------------------------------------------+
 * | Subsequent Address Family Identifier (8 bits)    |
 * +--------------------------------------------------+
 * | Flags for Address Family (8 bits)                |
 * +--------------------------------------------------+
 * | ...                                              |
 * </pre>
 */
public final class GracefulRestartCapabilityHandler
        implements CapabilityParser, CapabilitySerializer<GracefulRestartCapability> {

    /** Capability code 64. */
    public static final int CODE = 64;

    private static final int RESTART_STATE = 0x8000;
    private static final int NOTIFICATION = 0x4000;
    private static final int FORWARDING_STATE = 0x80;
    private static final int HEADER_LENGTH = 2;
    private static final int FAMILY_LENGTH = 4;

    @Override
    public GracefulRestartCapability parse(ByteBuf value) throws MessageException {
        int length = value.readableBytes();
        if (length < HEADER_LENGTH || (length - HEADER_LENGTH) % FAMILY_LENGTH != 0) {
            throw CapabilityValues.malformed("graceful restart capability of " + length + " octets is not 2 + 4n");
        }
        int flagsAndTime = value.readUnsignedShort();
        List<ForwardingState> families = new ArrayList<>();
        while (value.isReadable()) {
            int afi = value.readUnsignedShort();
            int safi = value.readUnsignedByte();
            boolean forwarding = (value.readUnsignedByte() & FORWARDING_STATE) != 0;
            families.add(new ForwardingState(new AddressFamily(afi, safi), forwarding));
        }
        return new GracefulRestartCapability((flagsAndTime & RESTART_STATE) != 0, (flagsAndTime & NOTIFICATION) != 0,
                flagsAndTime & GracefulRestartCapability.MAX_RESTART_TIME, families);
    }

    @Override
    public void serialize(GracefulRestartCapability capability, ByteBuf out) {
        CapabilityValues.write(out, CODE, value -> {
            value.writeShort((capability.restarting() ? RESTART_STATE : 0)
                    | (capability.notificationSupported() ? NOTIFICATION : 0) | capability.restartTime());
            for (ForwardingState state : capability.families()) {
                value.writeShort(state.family().afi());
                value.writeByte(state.family().safi());
                value.writeByte(state.forwardingPreserved() ? FORWARDING_STATE : 0);
            }
        });
    }
}
