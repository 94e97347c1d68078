package io.kuberouter.bgp.codec;

import io.kuberouter.bgp.codec.impl.BuiltinExtensions;
import io.kuberouter.bgp.codec.impl.SimpleExtensionRegistry;
import io.kuberouter.bgp.codec.spi.ExtensionRegistry;

/** Entry points: codecs and registries without any framework. */
public final class BgpCodecs {

    private static final BgpCodec STANDARD = standardRegistry().codec();

    private BgpCodecs() {
    }

    /** A shared codec with the built-in messages, capabilities, attributes and families. */
    public static BgpCodec standard() {
        return STANDARD;
    }

    /** A new registry holding the built-in handlers, open for more extensions. */
    public static ExtensionRegistry standardRegistry() {
        ExtensionRegistry registry = emptyRegistry();
        new BuiltinExtensions().start(registry);
        return registry;
    }

    /** A new registry without any handler. */
    public static ExtensionRegistry emptyRegistry() {
        return new SimpleExtensionRegistry();
    }
}
