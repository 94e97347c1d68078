package io.kuberouter.bgp.codec.spi;

import org.osgi.annotation.versioning.ProviderType;

import io.kuberouter.bgp.codec.BgpCodec;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.Capability;
import io.kuberouter.bgp.codec.model.PathAttribute;

/**
 * The registries of one codec. Parsers are keyed by wire code, serializers by model class; each
 * key takes one handler at a time, and registering a taken key fails with
 * {@link IllegalArgumentException}. Registration and lookup are thread-safe.
 */
@ProviderType
public interface ExtensionRegistry {

    /** Parser of message type {@code type} (RFC 4271 §4.1 Type, IANA "BGP Message Types"). */
    Registration registerMessageParser(int type, MessageParser parser);

    /** Serializer of {@code messageClass}, written with header type {@code type}. */
    <T extends BgpMessage> Registration registerMessageSerializer(Class<T> messageClass, int type,
            MessageSerializer<T> serializer);

    /** Parser of path attribute type {@code typeCode} (IANA "BGP Path Attributes"). */
    Registration registerAttributeParser(int typeCode, AttributeParser parser);

    /** Serializer of {@code attributeClass}. */
    <T extends PathAttribute> Registration registerAttributeSerializer(Class<T> attributeClass,
            AttributeSerializer<T> serializer);

    /** Parser of capability code {@code code} (IANA "Capability Codes"). */
    Registration registerCapabilityParser(int code, CapabilityParser parser);

    /** Serializer of {@code capabilityClass}. */
    <T extends Capability> Registration registerCapabilitySerializer(Class<T> capabilityClass,
            CapabilitySerializer<T> serializer);

    /** Parser of next hops and prefixes of {@code family} in MP_REACH_NLRI / MP_UNREACH_NLRI. */
    Registration registerNlriParser(AddressFamily family, NlriParser parser);

    /** Serializer of next hops and prefixes of {@code family}. */
    Registration registerNlriSerializer(AddressFamily family, NlriSerializer serializer);

    /** The attribute handlers, for message handlers that need them. */
    AttributeRegistry attributes();

    /** The capability handlers, for message handlers that need them. */
    CapabilityRegistry capabilities();

    /** The NLRI handlers, for attribute handlers that need them. */
    NlriRegistry nlri();

    /** A codec over the message handlers of this registry; it sees later registrations too. */
    BgpCodec codec();
}
