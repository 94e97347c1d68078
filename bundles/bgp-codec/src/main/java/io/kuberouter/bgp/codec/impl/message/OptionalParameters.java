package io.kuberouter.bgp.codec.impl.message;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.Capability;
import io.kuberouter.bgp.codec.model.CapabilityParameter;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.UnknownCapability;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilityRegistry;
import io.kuberouter.bgp.codec.spi.LengthPrefixed;
import io.kuberouter.bgp.codec.spi.MessageException;

/**
 * The Optional Parameters of OPEN (RFC 4271 §4.2) and the capabilities inside them (RFC 5492 §4),
 * each a (type or code, length, value) triple. Capabilities without a parser are kept opaque.
 */
final class OptionalParameters {

    /** Parameter type of Capabilities (RFC 5492 §4); the others are deprecated. */
    static final int CAPABILITIES = 2;

    private final CapabilityRegistry capabilities;

    OptionalParameters(CapabilityRegistry capabilities) {
        this.capabilities = capabilities;
    }

    List<CapabilityParameter> parse(ByteBuf in) throws MessageException {
        List<CapabilityParameter> parameters = new ArrayList<>();
        while (in.isReadable()) {
            int type = in.readUnsignedByte();
            ByteBuf value = readValue(in, "optional parameter " + type);
            if (type != CAPABILITIES) {
                throw new MessageException(BgpError.UNSUPPORTED_OPTIONAL_PARAMETER, "optional parameter type " + type);
            }
            parameters.add(new CapabilityParameter(parseCapabilities(value)));
        }
        return parameters;
    }

    void serialize(List<CapabilityParameter> parameters, ByteBuf out) {
        LengthPrefixed.writeWithLength8(out, all -> parameters.forEach(parameter -> {
            all.writeByte(CAPABILITIES);
            LengthPrefixed.writeWithLength8(all, value -> parameter.capabilities()
                    .forEach(capability -> capabilities.serialize(capability, value)));
        }));
    }

    private List<Capability> parseCapabilities(ByteBuf in) throws MessageException {
        List<Capability> parsed = new ArrayList<>();
        while (in.isReadable()) {
            int code = in.readUnsignedByte();
            ByteBuf value = readValue(in, "capability " + code);
            parsed.add(parseCapability(code, value));
        }
        return parsed;
    }

    private Capability parseCapability(int code, ByteBuf value) throws MessageException {
        CapabilityParser parser = capabilities.parser(code).orElse(null);
        if (parser == null) {
            return new UnknownCapability(code, Octets.of(ByteBufUtil.getBytes(value)));
        }
        try {
            return parser.parse(value);
        } catch (IndexOutOfBoundsException e) {
            throw new MessageException(BgpError.OPEN_UNSPECIFIC,
                    "capability " + code + " too short: " + e.getMessage());
        }
    }

    /** Reads the length octet and slices the value; the type or code octet has been read. */
    private static ByteBuf readValue(ByteBuf in, String what) throws MessageException {
        if (!in.isReadable()) {
            throw new MessageException(BgpError.OPEN_UNSPECIFIC, what + " has no length octet");
        }
        int length = in.readUnsignedByte();
        if (length > in.readableBytes()) {
            throw new MessageException(BgpError.OPEN_UNSPECIFIC,
                    what + " of " + length + " octets overruns the OPEN by " + (length - in.readableBytes()));
        }
        return in.readSlice(length);
    }
}
