package io.kuberouter.bgp.codec.impl;

import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.Capability;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeRegistry;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilityRegistry;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;
import io.kuberouter.bgp.codec.spi.ExtensionRegistry;
import io.kuberouter.bgp.codec.spi.MessageParser;
import io.kuberouter.bgp.codec.spi.MessageSerializer;
import io.kuberouter.bgp.codec.spi.NlriParser;
import io.kuberouter.bgp.codec.spi.NlriRegistry;
import io.kuberouter.bgp.codec.spi.NlriSerializer;
import io.kuberouter.bgp.codec.spi.Registration;

/** The framework-free registry: plain maps, usable from unit tests and from any wiring. */
public final class SimpleExtensionRegistry implements ExtensionRegistry {

    private final MessageRegistry messages = new MessageRegistry();
    private final SimpleAttributeRegistry attributes = new SimpleAttributeRegistry();
    private final SimpleCapabilityRegistry capabilities = new SimpleCapabilityRegistry();
    private final SimpleNlriRegistry nlri = new SimpleNlriRegistry();

    @Override
    public Registration registerMessageParser(int type, MessageParser parser) {
        return messages.registerParser(type, parser);
    }

    @Override
    public <T extends BgpMessage> Registration registerMessageSerializer(Class<T> messageClass, int type,
            MessageSerializer<T> serializer) {
        return messages.registerSerializer(messageClass, type, serializer);
    }

    @Override
    public Registration registerAttributeParser(int typeCode, AttributeParser parser) {
        return attributes.registerParser(typeCode, parser);
    }

    @Override
    public <T extends PathAttribute> Registration registerAttributeSerializer(Class<T> attributeClass,
            AttributeSerializer<T> serializer) {
        return attributes.registerSerializer(attributeClass, serializer);
    }

    @Override
    public Registration registerCapabilityParser(int code, CapabilityParser parser) {
        return capabilities.registerParser(code, parser);
    }

    @Override
    public <T extends Capability> Registration registerCapabilitySerializer(Class<T> capabilityClass,
            CapabilitySerializer<T> serializer) {
        return capabilities.registerSerializer(capabilityClass, serializer);
    }

    @Override
    public Registration registerNlriParser(AddressFamily family, NlriParser parser) {
        return nlri.registerParser(family, parser);
    }

    @Override
    public Registration registerNlriSerializer(AddressFamily family, NlriSerializer serializer) {
        return nlri.registerSerializer(family, serializer);
    }

    @Override
    public AttributeRegistry attributes() {
        return attributes;
    }

    @Override
    public CapabilityRegistry capabilities() {
        return capabilities;
    }

    @Override
    public NlriRegistry nlri() {
        return nlri;
    }

    @Override
    public BgpCodec codec() {
        return messages;
    }
}
