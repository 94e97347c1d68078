package io.kuberouter.bgp.speaker.impl.rib;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.UnknownAttribute;
import io.kuberouter.bgp.codec.spi.AttributeException;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeRegistry;

/**
 * The stored wire form of path attributes: the codec's own attribute encoding (RFC 4271 §4.3)
 * under constraints that keep every attribute – 4-octet AS numbers, internal peer – so that
 * decoding gives back the same model.
 */
public final class AttributeCodec {

    /** 4-octet AS numbers; internal, so LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST are kept. */
    public static final PeerConstraints STORED = new PeerConstraints(true, true, PeerType.INTERNAL);

    private final AttributeRegistry registry;
    private final ByteBuf scratch = Unpooled.buffer(512);

    public AttributeCodec(AttributeRegistry registry) {
        this.registry = registry;
    }

    /** The wire form of {@code attributes}, in their order. */
    public byte[] encode(List<PathAttribute> attributes) {
        scratch.clear();
        for (PathAttribute attribute : attributes) {
            registry.serialize(attribute, STORED, scratch);
        }
        byte[] wire = new byte[scratch.readableBytes()];
        scratch.readBytes(wire);
        return wire;
    }

    /** The attributes of a wire form this codec wrote. */
    public List<PathAttribute> decode(byte[] wire) {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        List<PathAttribute> attributes = new ArrayList<>();
        while (in.isReadable()) {
            int flags = in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int length = (flags & AttributeFlags.EXTENDED_LENGTH) != 0 ? in.readUnsignedShort() : in.readUnsignedByte();
            attributes.add(decodeOne(flags, type, in.readSlice(length)));
        }
        return attributes;
    }

    private PathAttribute decodeOne(int flags, int type, ByteBuf value) {
        AttributeParser parser = registry.parser(type).orElse(null);
        if (parser == null) {
            byte[] octets = new byte[value.readableBytes()];
            value.readBytes(octets);
            return new UnknownAttribute(flags & UnknownAttribute.KEPT_FLAGS, type, Octets.of(octets));
        }
        try {
            return parser.parse(value, STORED);
        } catch (AttributeException e) {
            throw new IllegalStateException("stored attribute " + type + " does not decode", e);
        }
    }
}
