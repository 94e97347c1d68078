package io.kuberouter.bgp.codec.impl;

import java.util.Optional;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.spi.NlriParser;
import io.kuberouter.bgp.codec.spi.NlriRegistry;
import io.kuberouter.bgp.codec.spi.NlriSerializer;
import io.kuberouter.bgp.codec.spi.Registration;

/** NLRI handlers by address family. */
final class SimpleNlriRegistry implements NlriRegistry {

    private final HandlerRegistry<AddressFamily, NlriParser> parsers = new HandlerRegistry<>("NLRI parser");
    private final HandlerRegistry<AddressFamily, NlriSerializer> serializers = new HandlerRegistry<>("NLRI serializer");

    Registration registerParser(AddressFamily family, NlriParser parser) {
        return parsers.register(family, parser);
    }

    Registration registerSerializer(AddressFamily family, NlriSerializer serializer) {
        return serializers.register(family, serializer);
    }

    @Override
    public Optional<NlriParser> parser(AddressFamily family) {
        return parsers.get(family);
    }

    @Override
    public Optional<NlriSerializer> serializer(AddressFamily family) {
        return serializers.get(family);
    }
}
