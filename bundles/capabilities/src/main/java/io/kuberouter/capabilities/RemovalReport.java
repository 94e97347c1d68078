package io.kuberouter.capabilities;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The capabilities whose last stop for good failed to remove their kernel state, with what the kernel refused
 * ({@link CapabilityOwners.Owner#removalFailed}). Registered by the capabilities bundle for the life of the
 * framework. The same content is the service property {@value #FAILURES_PROPERTY}, so a reader outside the
 * framework, which shares no class with it ({@code --cleanup-config}), reads it from the service reference.
 *
 * @since 1.2
 */
@ProviderType
public interface RemovalReport {

    /**
     * Service property, {@code String[]}: one {@code CAPABILITY: what the kernel refused} per failed removal, sorted
     * by capability; empty when every removal so far succeeded.
     */
    String FAILURES_PROPERTY = "kuberouter.removal.failures";

    /** Capability name to what the kernel refused, sorted by name; empty when nothing failed. */
    Map<String, String> failures();
}
