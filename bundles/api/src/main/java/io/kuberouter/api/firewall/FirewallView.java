package io.kuberouter.api.firewall;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The running firewall's model, read-only: what its last successful sync wrote into the kernel. Registered as
 * a service by the firewall while it runs.
 *
 * <p>Threading: every method may be called from any thread and returns an immutable value; a sync never blocks
 * a reader.
 */
@ProviderType
public interface FirewallView {

    /** The cluster state revision the last successful sync programmed; 0 before the first. */
    long revision();

    /** Every local pod the last successful sync wrote a pod firewall chain for, by key. */
    Map<ObjectKey, PodFirewall> pods();

    /** One pod as last programmed; empty for a pod without a firewall chain (not local, no address). */
    default Optional<PodFirewall> pod(ObjectKey key) {
        return Optional.ofNullable(pods().get(key));
    }
}
