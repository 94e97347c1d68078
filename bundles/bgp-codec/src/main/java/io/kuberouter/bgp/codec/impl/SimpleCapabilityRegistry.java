package io.kuberouter.bgp.codec.impl;

import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.kuberouter.bgp.codec.model.Capability;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilityRegistry;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;
import io.kuberouter.bgp.codec.spi.Registration;

/** Capability handlers by code and by model class. */
final class SimpleCapabilityRegistry implements CapabilityRegistry {

    private final HandlerRegistry<Integer, CapabilityParser> parsers = new HandlerRegistry<>("capability parser");
    private final HandlerRegistry<Class<?>, CapabilitySerializer<Capability>> serializers =
            new HandlerRegistry<>("capability serializer");

    Registration registerParser(int code, CapabilityParser parser) {
        return parsers.register(code, parser);
    }

    <T extends Capability> Registration registerSerializer(Class<T> type, CapabilitySerializer<T> serializer) {
        return serializers.register(type, (capability, out) -> serializer.serialize(type.cast(capability), out));
    }

    @Override
    public Optional<CapabilityParser> parser(int code) {
        return parsers.get(code);
    }

    @Override
    public void serialize(Capability capability, ByteBuf out) {
        serializers.require(capability.getClass()).serialize(capability, out);
    }
}
