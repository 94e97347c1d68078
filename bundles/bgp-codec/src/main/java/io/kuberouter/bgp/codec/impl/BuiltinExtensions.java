package io.kuberouter.bgp.codec.impl;

import java.util.ArrayList;
import java.util.List;

import io.kuberouter.bgp.codec.impl.attribute.AggregatorHandler;
import io.kuberouter.bgp.codec.impl.attribute.As4AggregatorHandler;
import io.kuberouter.bgp.codec.impl.attribute.As4PathHandler;
import io.kuberouter.bgp.codec.impl.attribute.AsPathHandler;
import io.kuberouter.bgp.codec.impl.attribute.AtomicAggregateHandler;
import io.kuberouter.bgp.codec.impl.attribute.ClusterListHandler;
import io.kuberouter.bgp.codec.impl.attribute.CommunitiesHandler;
import io.kuberouter.bgp.codec.impl.attribute.LargeCommunitiesHandler;
import io.kuberouter.bgp.codec.impl.attribute.LocalPrefHandler;
import io.kuberouter.bgp.codec.impl.attribute.MpReachNlriHandler;
import io.kuberouter.bgp.codec.impl.attribute.MpUnreachNlriHandler;
import io.kuberouter.bgp.codec.impl.attribute.MultiExitDiscHandler;
import io.kuberouter.bgp.codec.impl.attribute.NextHopHandler;
import io.kuberouter.bgp.codec.impl.attribute.OriginHandler;
import io.kuberouter.bgp.codec.impl.attribute.OriginatorIdHandler;
import io.kuberouter.bgp.codec.impl.attribute.UnknownAttributeSerializer;
import io.kuberouter.bgp.codec.impl.capability.ExtendedMessageCapabilityHandler;
import io.kuberouter.bgp.codec.impl.capability.FourOctetAsCapabilityHandler;
import io.kuberouter.bgp.codec.impl.capability.GracefulRestartCapabilityHandler;
import io.kuberouter.bgp.codec.impl.capability.MultiprotocolCapabilityHandler;
import io.kuberouter.bgp.codec.impl.capability.RouteRefreshCapabilityHandler;
import io.kuberouter.bgp.codec.impl.capability.UnknownCapabilitySerializer;
import io.kuberouter.bgp.codec.impl.message.KeepaliveMessageHandler;
import io.kuberouter.bgp.codec.impl.message.NotificationMessageHandler;
import io.kuberouter.bgp.codec.impl.message.OpenMessageHandler;
import io.kuberouter.bgp.codec.impl.message.RouteRefreshMessageHandler;
import io.kuberouter.bgp.codec.impl.message.UpdateMessageHandler;
import io.kuberouter.bgp.codec.impl.nlri.Ipv4UnicastNlriHandler;
import io.kuberouter.bgp.codec.impl.nlri.Ipv6UnicastNlriHandler;
import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.Aggregator;
import io.kuberouter.bgp.codec.model.As4Aggregator;
import io.kuberouter.bgp.codec.model.As4Path;
import io.kuberouter.bgp.codec.model.AsPath;
import io.kuberouter.bgp.codec.model.AtomicAggregate;
import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.Capability;
import io.kuberouter.bgp.codec.model.ClusterList;
import io.kuberouter.bgp.codec.model.Communities;
import io.kuberouter.bgp.codec.model.ExtendedMessageCapability;
import io.kuberouter.bgp.codec.model.FourOctetAsCapability;
import io.kuberouter.bgp.codec.model.GracefulRestartCapability;
import io.kuberouter.bgp.codec.model.KeepaliveMessage;
import io.kuberouter.bgp.codec.model.LargeCommunities;
import io.kuberouter.bgp.codec.model.LocalPref;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.MpUnreachNlri;
import io.kuberouter.bgp.codec.model.MultiExitDisc;
import io.kuberouter.bgp.codec.model.MultiprotocolCapability;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.OpenMessage;
import io.kuberouter.bgp.codec.model.Origin;
import io.kuberouter.bgp.codec.model.OriginatorId;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.RouteRefreshCapability;
import io.kuberouter.bgp.codec.model.RouteRefreshMessage;
import io.kuberouter.bgp.codec.model.UnknownAttribute;
import io.kuberouter.bgp.codec.model.UnknownCapability;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.codec.spi.AttributeParser;
import io.kuberouter.bgp.codec.spi.AttributeSerializer;
import io.kuberouter.bgp.codec.spi.CapabilityParser;
import io.kuberouter.bgp.codec.spi.CapabilitySerializer;
import io.kuberouter.bgp.codec.spi.ExtensionActivator;
import io.kuberouter.bgp.codec.spi.ExtensionRegistry;
import io.kuberouter.bgp.codec.spi.MessageParser;
import io.kuberouter.bgp.codec.spi.MessageSerializer;
import io.kuberouter.bgp.codec.spi.NlriParser;
import io.kuberouter.bgp.codec.spi.NlriSerializer;
import io.kuberouter.bgp.codec.spi.Registration;

/**
 * Registers the built-in handlers: the five messages of RFC 4271 and RFC 2918, the capabilities
 * of RFC 2918, 4724, 4760, 6793 and 8654, the attributes of RFC 1997, 4271, 4456, 4760, 6793 and
 * 8092, and IPv4 / IPv6 unicast NLRI.
 */
public final class BuiltinExtensions implements ExtensionActivator {

    @Override
    public List<Registration> start(ExtensionRegistry registry) {
        Registrar registrar = new Registrar(registry);
        registerMessages(registrar, registry);
        registerCapabilities(registrar);
        registerBaseAttributes(registrar);
        registerExtensionAttributes(registrar, registry);
        registrar.nlri(AddressFamily.IPV4_UNICAST, new Ipv4UnicastNlriHandler());
        registrar.nlri(AddressFamily.IPV6_UNICAST, new Ipv6UnicastNlriHandler());
        return registrar.registrations;
    }

    private static void registerMessages(Registrar registrar, ExtensionRegistry registry) {
        registrar.message(OpenMessageHandler.TYPE, OpenMessage.class, new OpenMessageHandler(registry.capabilities()));
        registrar.message(UpdateMessageHandler.TYPE, UpdateMessage.class,
                new UpdateMessageHandler(registry.attributes()));
        registrar.message(NotificationMessageHandler.TYPE, NotificationMessage.class, new NotificationMessageHandler());
        registrar.message(KeepaliveMessageHandler.TYPE, KeepaliveMessage.class, new KeepaliveMessageHandler());
        registrar.message(RouteRefreshMessageHandler.TYPE, RouteRefreshMessage.class, new RouteRefreshMessageHandler());
    }

    private static void registerCapabilities(Registrar registrar) {
        registrar.capability(MultiprotocolCapabilityHandler.CODE, MultiprotocolCapability.class,
                new MultiprotocolCapabilityHandler());
        registrar.capability(RouteRefreshCapabilityHandler.CODE, RouteRefreshCapability.class,
                new RouteRefreshCapabilityHandler());
        registrar.capability(ExtendedMessageCapabilityHandler.CODE, ExtendedMessageCapability.class,
                new ExtendedMessageCapabilityHandler());
        registrar.capability(GracefulRestartCapabilityHandler.CODE, GracefulRestartCapability.class,
                new GracefulRestartCapabilityHandler());
        registrar.capability(FourOctetAsCapabilityHandler.CODE, FourOctetAsCapability.class,
                new FourOctetAsCapabilityHandler());
        registrar.add(registrar.registry.registerCapabilitySerializer(UnknownCapability.class,
                new UnknownCapabilitySerializer()));
    }

    /** RFC 4271 §5 attributes. */
    private static void registerBaseAttributes(Registrar registrar) {
        registrar.attribute(OriginHandler.TYPE, Origin.class, new OriginHandler());
        registrar.attribute(AsPathHandler.TYPE, AsPath.class, new AsPathHandler());
        registrar.attribute(NextHopHandler.TYPE, NextHop.class, new NextHopHandler());
        registrar.attribute(MultiExitDiscHandler.TYPE, MultiExitDisc.class, new MultiExitDiscHandler());
        registrar.attribute(LocalPrefHandler.TYPE, LocalPref.class, new LocalPrefHandler());
        registrar.attribute(AtomicAggregateHandler.TYPE, AtomicAggregate.class, new AtomicAggregateHandler());
        registrar.attribute(AggregatorHandler.TYPE, Aggregator.class, new AggregatorHandler());
        registrar.add(registrar.registry.registerAttributeSerializer(UnknownAttribute.class,
                new UnknownAttributeSerializer()));
    }

    /** Attributes of RFC 1997, 4456, 4760, 6793 and 8092. */
    private static void registerExtensionAttributes(Registrar registrar, ExtensionRegistry registry) {
        registrar.attribute(CommunitiesHandler.TYPE, Communities.class, new CommunitiesHandler());
        registrar.attribute(OriginatorIdHandler.TYPE, OriginatorId.class, new OriginatorIdHandler());
        registrar.attribute(ClusterListHandler.TYPE, ClusterList.class, new ClusterListHandler());
        registrar.attribute(MpReachNlriHandler.TYPE, MpReachNlri.class, new MpReachNlriHandler(registry.nlri()));
        registrar.attribute(MpUnreachNlriHandler.TYPE, MpUnreachNlri.class, new MpUnreachNlriHandler(registry.nlri()));
        registrar.attribute(As4PathHandler.TYPE, As4Path.class, new As4PathHandler());
        registrar.attribute(As4AggregatorHandler.TYPE, As4Aggregator.class, new As4AggregatorHandler());
        registrar.attribute(LargeCommunitiesHandler.TYPE, LargeCommunities.class, new LargeCommunitiesHandler());
    }

    /** Registers parser and serializer of each handler and keeps the registrations. */
    private static final class Registrar {

        private final ExtensionRegistry registry;
        private final List<Registration> registrations = new ArrayList<>();

        Registrar(ExtensionRegistry registry) {
            this.registry = registry;
        }

        void add(Registration registration) {
            registrations.add(registration);
        }

        <T extends BgpMessage, H extends MessageParser & MessageSerializer<T>> void message(int type, Class<T> model,
                H handler) {
            add(registry.registerMessageParser(type, handler));
            add(registry.registerMessageSerializer(model, type, handler));
        }

        <T extends Capability, H extends CapabilityParser & CapabilitySerializer<T>> void capability(int code,
                Class<T> model, H handler) {
            add(registry.registerCapabilityParser(code, handler));
            add(registry.registerCapabilitySerializer(model, handler));
        }

        <T extends PathAttribute, H extends AttributeParser & AttributeSerializer<T>> void attribute(int type,
                Class<T> model, H handler) {
            add(registry.registerAttributeParser(type, handler));
            add(registry.registerAttributeSerializer(model, handler));
        }

        <H extends NlriParser & NlriSerializer> void nlri(AddressFamily family, H handler) {
            add(registry.registerNlriParser(family, handler));
            add(registry.registerNlriSerializer(family, handler));
        }
    }
}
