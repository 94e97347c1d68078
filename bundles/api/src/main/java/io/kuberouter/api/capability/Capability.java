package io.kuberouter.api.capability;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability of this node, registered as a service by the bundle that provides it while it
 * runs. Stopping the bundle unregisters the service after the capability has removed exactly the
 * kernel state its {@link #ownership()} declares.
 */
@ConsumerType
public interface Capability {

    /** Service property carrying {@link #name()}, so consumers can filter. */
    String NAME_PROPERTY = "kuberouter.capability";

    /** The feature name, e.g. {@code proxy}, {@code firewall}, {@code router}. */
    String name();

    /** The kernel state this capability creates and alone may prune. */
    KernelOwnership ownership();

    /** Heartbeats of the capability's controllers; read by the health endpoint. */
    Heartbeats heartbeats();
}
