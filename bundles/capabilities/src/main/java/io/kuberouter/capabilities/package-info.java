/**
 * Capabilities per node: the feature descriptor model ({@link io.kuberouter.capabilities.Feature},
 * read by the launcher and by the bundles alike), the {@link io.kuberouter.capabilities.FeatureManager}
 * that installs, starts, stops and uninstalls features live, and the
 * {@link io.kuberouter.capabilities.CapabilityOwners} of kernel state with their shared prune gate, and the
 * {@link io.kuberouter.capabilities.CapabilityStop} rule that decides when a capability removes its state, the
 * {@link io.kuberouter.capabilities.OwnerLifecycle} that applies these rules for a capability's component, and the
 * {@link io.kuberouter.capabilities.RemovalReport} of removals the kernel refused.
 * See {@code docs/capabilities.md}.
 */
@Version("1.2.0")
package io.kuberouter.capabilities;

import org.osgi.annotation.versioning.Version;
