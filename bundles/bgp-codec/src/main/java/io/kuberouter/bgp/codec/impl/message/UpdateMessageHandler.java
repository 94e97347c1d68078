package io.kuberouter.bgp.codec.impl.message;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.codec.spi.AttributeRegistry;
import io.kuberouter.bgp.codec.spi.LengthPrefixed;
import io.kuberouter.bgp.codec.spi.MessageException;
import io.kuberouter.bgp.codec.spi.MessageParser;
import io.kuberouter.bgp.codec.spi.MessageSerializer;
import io.kuberouter.bgp.codec.spi.NlriException;
import io.kuberouter.bgp.codec.spi.PrefixEncoding;

/**
 * UPDATE (RFC 4271 §4.3) with revised error handling (RFC 7606). Decoding order: locate the
 * fields (§4), parse Withdrawn Routes and NLRI – a syntax error there resets the session (§5.3) –,
 * decode the attributes, rebuild 4-octet AS paths on 2-octet sessions (RFC 6793 §4.2.3), check
 * the mandatory attributes, and combine the errors into one result.
 */
public final class UpdateMessageHandler implements MessageParser, MessageSerializer<UpdateMessage> {

    /** Message type 2. */
    public static final int TYPE = 2;

    private final AttributeRegistry attributes;
    private final AttributeListDecoder attributeDecoder;

    public UpdateMessageHandler(AttributeRegistry attributes) {
        this.attributes = attributes;
        this.attributeDecoder = new AttributeListDecoder(attributes);
    }

    @Override
    public DecodeResult parse(ByteBuf body, PeerConstraints peer) throws MessageException {
        UpdateLayout layout = UpdateLayout.locate(body);
        List<IpPrefix> withdrawn = readPrefixes(layout.withdrawnRoutes(), "Withdrawn Routes");
        List<IpPrefix> nlri = readPrefixes(layout.nlri(), "NLRI");
        UpdateErrors errors = new UpdateErrors();
        List<PathAttribute> decoded = attributeDecoder.decode(layout.attributes(), peer, errors);
        if (!peer.fourOctetAs()) {
            decoded = As4PathMerger.merge(decoded);
        }
        MandatoryAttributes.check(decoded, nlri, errors);
        return errors.outcome(new UpdateMessage(withdrawn, decoded, nlri));
    }

    @Override
    public void serializeBody(UpdateMessage message, PeerConstraints peer, ByteBuf out) {
        List<PathAttribute> wire = As4PathSplitter.wireAttributes(message.attributes(), peer);
        LengthPrefixed.writeWithLength16(out,
                withdrawn -> PrefixEncoding.writeAll(message.withdrawnRoutes(), withdrawn));
        LengthPrefixed.writeWithLength16(out,
                field -> wire.forEach(attribute -> attributes.serialize(attribute, peer, field)));
        PrefixEncoding.writeAll(message.nlri(), out);
    }

    private static List<IpPrefix> readPrefixes(ByteBuf field, String name) throws MessageException {
        try {
            return PrefixEncoding.readAll(field, PrefixEncoding.IPV4_OCTETS);
        } catch (NlriException e) {
            throw new MessageException(BgpError.INVALID_NETWORK_FIELD, name + ": " + e.getMessage());
        }
    }
}
