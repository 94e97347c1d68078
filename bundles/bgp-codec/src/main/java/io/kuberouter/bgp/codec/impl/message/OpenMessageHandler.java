package io.kuberouter.bgp.codec.impl.message;

import java.net.Inet4Address;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.impl.MessageHeader;
import io.kuberouter.bgp.codec.model.CapabilityParameter;
import io.kuberouter.bgp.codec.model.OpenMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.spi.AddressEncoding;
import io.kuberouter.bgp.codec.spi.CapabilityRegistry;
import io.kuberouter.bgp.codec.spi.MessageException;
import io.kuberouter.bgp.codec.spi.MessageParser;
import io.kuberouter.bgp.codec.spi.MessageSerializer;

/**
 * OPEN (RFC 4271 §4.2) with the syntax checks of §6.2:
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+
 * |    Version    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     My Autonomous System      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Hold Time           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         BGP Identifier                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Opt Parm Len  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Optional Parameters (variable)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Peer AS and BGP Identifier collisions depend on configuration and are left to the speaker.
 */
public final class OpenMessageHandler implements MessageParser, MessageSerializer<OpenMessage> {

    /** Message type 1. */
    public static final int TYPE = 1;

    /** The only BGP version spoken. */
    public static final int VERSION = 4;

    private static final int FIXED_BODY_LENGTH = 10;
    private static final Octets SUPPORTED_VERSION = Octets.of((byte) 0, (byte) VERSION);

    private final OptionalParameters optionalParameters;

    public OpenMessageHandler(CapabilityRegistry capabilities) {
        this.optionalParameters = new OptionalParameters(capabilities);
    }

    @Override
    public DecodeResult parse(ByteBuf body, PeerConstraints peer) throws MessageException {
        int messageLength = MessageHeader.LENGTH + body.readableBytes();
        if (body.readableBytes() < FIXED_BODY_LENGTH) {
            throw MessageException.badLength(messageLength, "OPEN needs at least 29 octets");
        }
        int version = body.readUnsignedByte();
        if (version != VERSION) {
            throw new MessageException(BgpError.UNSUPPORTED_VERSION_NUMBER, SUPPORTED_VERSION,
                    "BGP version " + version);
        }
        int myAs = body.readUnsignedShort();
        int holdTime = readHoldTime(body);
        Inet4Address bgpIdentifier = readBgpIdentifier(body);
        int parametersLength = body.readUnsignedByte();
        if (parametersLength != body.readableBytes()) {
            throw MessageException.badLength(messageLength, "Opt Parm Len " + parametersLength + " but "
                    + body.readableBytes() + " octets follow");
        }
        List<CapabilityParameter> parameters = optionalParameters.parse(body);
        return new DecodeResult.Decoded(new OpenMessage(myAs, holdTime, bgpIdentifier, parameters));
    }

    @Override
    public void serializeBody(OpenMessage message, PeerConstraints peer, ByteBuf out) {
        out.writeByte(VERSION);
        out.writeShort(message.myAutonomousSystem());
        out.writeShort(message.holdTime());
        AddressEncoding.write(message.bgpIdentifier(), out);
        optionalParameters.serialize(message.parameters(), out);
    }

    /** RFC 4271 §6.2: a Hold Time of one or two seconds MUST be rejected. */
    private static int readHoldTime(ByteBuf body) throws MessageException {
        int holdTime = body.readUnsignedShort();
        if (holdTime == 1 || holdTime == 2) {
            throw new MessageException(BgpError.UNACCEPTABLE_HOLD_TIME, "hold time " + holdTime + " s");
        }
        return holdTime;
    }

    /** RFC 6286 §2.2: any non-zero 32-bit value is a valid BGP Identifier. */
    private static Inet4Address readBgpIdentifier(ByteBuf body) throws MessageException {
        if (body.getInt(body.readerIndex()) == 0) {
            throw new MessageException(BgpError.BAD_BGP_IDENTIFIER, "BGP Identifier 0.0.0.0");
        }
        return AddressEncoding.readIpv4(body);
    }
}
