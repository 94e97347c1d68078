package io.kuberouter.bgp.codec.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registers one extension's handlers. The caller owns the returned registrations and closes them
 * to remove the extension.
 */
@ConsumerType
public interface ExtensionActivator {

    /** Registers all handlers of this extension into {@code registry}. */
    List<Registration> start(ExtensionRegistry registry);
}
