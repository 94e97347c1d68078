package io.kuberouter.bgp.codec.impl;

import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.PeerConstraints;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeRegistry;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.Registration;

/** Path attribute handlers by type code and by model class. */
final class SimpleAttributeRegistry implements AttributeRegistry {

    private final HandlerRegistry<Integer, AttributeParser> parsers = new HandlerRegistry<>("attribute parser");
    private final HandlerRegistry<Class<?>, AttributeSerializer<PathAttribute>> serializers =
            new HandlerRegistry<>("attribute serializer");

    Registration registerParser(int typeCode, AttributeParser parser) {
        return parsers.register(typeCode, parser);
    }

    <T extends PathAttribute> Registration registerSerializer(Class<T> type, AttributeSerializer<T> serializer) {
        return serializers.register(type,
                (attribute, peer, out) -> serializer.serialize(type.cast(attribute), peer, out));
    }

    @Override
    public Optional<AttributeParser> parser(int typeCode) {
        return parsers.get(typeCode);
    }

    @Override
    public void serialize(PathAttribute attribute, PeerConstraints peer, ByteBuf out) {
        serializers.require(attribute.getClass()).serialize(attribute, peer, out);
    }
}
