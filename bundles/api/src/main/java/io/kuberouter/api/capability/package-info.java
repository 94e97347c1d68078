/**
 * How a capability (service proxy, firewall, router, DSR, hairpin, ...) takes part in the agent:
 * it registers a {@link io.kuberouter.api.capability.Capability} service that names it, declares
 * the kernel state it owns, and reports its health by heartbeats.
 */
@Version("1.2.0")
package io.kuberouter.api.capability;

import org.osgi.annotation.versioning.Version;
