/**
 * Private: the framework-free registries ({@link io.kuberouter.bgp.codec.impl.SimpleExtensionRegistry}),
 * the message registry that is the codec, and {@link io.kuberouter.bgp.codec.impl.BuiltinExtensions},
 * the activator registering every built-in handler.
 */
package io.kuberouter.bgp.codec.impl;
