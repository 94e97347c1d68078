package io.kuberouter.proxy.model;

import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.VirtualServer;

/**
 * Lets {@code ServiceProxyExtension}s claim virtual servers while the model is built. Must be a pure
 * function of its arguments for the duration of a build.
 */
@FunctionalInterface
public interface ClaimPolicy {

    /** No extension: every virtual server keeps the proxy's own delivery. */
    ClaimPolicy NONE = (service, server) -> server;

    /** {@code server}, or {@code server} with the delivery an extension claimed. */
    VirtualServer apply(Service service, VirtualServer server);
}
