package io.kuberouter.bgp.codec.impl;

import static io.kuberouter.bgp.codec.GoldenBytes.assertBytes;
import static io.kuberouter.bgp.codec.GoldenBytes.hex;
import static io.kuberouter.bgp.codec.GoldenBytes.message;
import static io.kuberouter.bgp.codec.GoldenBytes.resourceBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.BgpCodecs;
import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.DecodeResult;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.PeerType;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.KeepaliveMessage;
import io.kuberouter.bgp.codec.model.Octets;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.UnknownAttribute;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.codec.spi.AttributeFlags;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.AttributeWriter;
import io.kuberouter.bgp.codec.spi.ErrorHandlingApproach;
import io.kuberouter.bgp.codec.spi.ExtensionRegistry;
import io.kuberouter.bgp.codec.spi.Registration;

/** Registries keyed by wire code and model class, closeable registrations, extensions. */
class ExtensionRegistryTest {

    private static final PeerConstraints PEER = PeerConstraints.fourOctetAsAndExtendedMessages(PeerType.EXTERNAL);
    private static final String BIRD_UPDATE_WITH_OTC = "captures/015-s1-bird-update.hex";

    /** Only-to-Customer (RFC 9234 §5), an attribute the built-ins do not know. */
    record OnlyToCustomer(long asNumber) implements PathAttribute {
    }

    /** A small extension: OTC as a typed attribute. */
    static final class OnlyToCustomerHandler implements AttributeParser, AttributeSerializer<OnlyToCustomer> {

        static final int TYPE = 35;

        @Override
        public int flags() {
            return AttributeFlags.OPTIONAL_TRANSITIVE;
        }

        @Override
        public ErrorHandlingApproach malformedApproach() {
            return ErrorHandlingApproach.TREAT_AS_WITHDRAW;
        }

        @Override
        public OnlyToCustomer parse(ByteBuf value, PeerConstraints peer) {
            return new OnlyToCustomer(value.readUnsignedInt());
        }

        @Override
        public void serialize(OnlyToCustomer attribute, PeerConstraints peer, ByteBuf out) {
            AttributeWriter.write(out, AttributeFlags.OPTIONAL_TRANSITIVE, TYPE,
                    value -> value.writeInt((int) attribute.asNumber()));
        }
    }

    @Test
    void extensionAttributeComesAndGoes() {
        ExtensionRegistry registry = BgpCodecs.standardRegistry();
        byte[] captured = resourceBytes(BIRD_UPDATE_WITH_OTC);
        OnlyToCustomerHandler handler = new OnlyToCustomerHandler();
        Registration parser = registry.registerAttributeParser(OnlyToCustomerHandler.TYPE, handler);
        Registration serializer = registry.registerAttributeSerializer(OnlyToCustomer.class, handler);

        UpdateMessage update = decodeUpdate(registry.codec(), captured);
        assertEquals(new OnlyToCustomer(65002), update.attribute(OnlyToCustomer.class).orElseThrow());
        assertEquals(hex(captured), hex(encode(registry.codec(), update)));

        parser.close();
        serializer.close();
        serializer.close();
        assertTrue(decodeUpdate(registry.codec(), captured).attribute(UnknownAttribute.class).isPresent());
        assertThrows(IllegalArgumentException.class, () -> encode(registry.codec(), update));
    }

    @Test
    void aKeyTakesOneHandler() {
        ExtensionRegistry registry = BgpCodecs.standardRegistry();
        OnlyToCustomerHandler handler = new OnlyToCustomerHandler();
        assertThrows(IllegalArgumentException.class, () -> registry.registerAttributeParser(1, handler));
    }

    @Test
    void closingTheActivatorsRegistrationsEmptiesTheRegistry() {
        ExtensionRegistry registry = BgpCodecs.emptyRegistry();
        List<Registration> registrations = new BuiltinExtensions().start(registry);
        assertBytes("ffffffffffffffffffffffffffffffff 0013 04", encode(registry.codec(), new KeepaliveMessage()));

        registrations.forEach(Registration::close);
        DecodeResult.SessionReset reset = assertInstanceOf(DecodeResult.SessionReset.class,
                decode(registry.codec(), message(4, "")));
        assertEquals(BgpError.BAD_MESSAGE_TYPE.notification(Octets.of((byte) 4)),
                reset.notification());
        assertThrows(IllegalArgumentException.class, () -> encode(registry.codec(), new KeepaliveMessage()));
        assertTrue(registry.attributes().parser(1).isEmpty());
        assertTrue(registry.capabilities().parser(1).isEmpty());
        assertTrue(registry.nlri().parser(AddressFamily.IPV4_UNICAST).isEmpty());
    }

    @Test
    void failingParserBecomesASessionReset() {
        ExtensionRegistry registry = BgpCodecs.emptyRegistry();
        registry.registerMessageParser(4, (body, peer) -> {
            throw new IllegalStateException("broken extension");
        });
        DecodeResult.SessionReset reset = assertInstanceOf(DecodeResult.SessionReset.class,
                decode(registry.codec(), message(4, "")));
        assertEquals(BgpError.MESSAGE_HEADER_UNSPECIFIC.notification(Octets.EMPTY),
                reset.notification());
        assertTrue(reset.reason().startsWith(MessageRegistry.DECODER_FAILURE));
    }

    private static UpdateMessage decodeUpdate(BgpCodec codec, byte[] wire) {
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, decode(codec, wire));
        return assertInstanceOf(UpdateMessage.class, decoded.message());
    }

    private static DecodeResult decode(BgpCodec codec, byte[] wire) {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        try {
            return codec.decode(in, PEER);
        } finally {
            in.release();
        }
    }

    private static byte[] encode(BgpCodec codec, BgpMessage message) {
        ByteBuf out = Unpooled.buffer();
        try {
            codec.encode(message, PEER, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
