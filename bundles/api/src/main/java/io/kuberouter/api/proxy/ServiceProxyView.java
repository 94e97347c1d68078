package io.kuberouter.api.proxy;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The running proxy backend's model, read-only: what it last programmed into the kernel. Registered as a
 * service by the backend while it runs (one backend runs at a time), with the service property
 * {@link #BACKEND_PROPERTY}.
 *
 * <p>Threading: every method may be called from any thread and returns an immutable value; a sync never
 * blocks a reader.
 */
@ProviderType
public interface ServiceProxyView {

    /** Service property naming the backend, {@link #backend()}. */
    String BACKEND_PROPERTY = "kuberouter.proxy.backend";

    /** {@code ipvs} or {@code nftables}. */
    String backend();

    /** The cluster state revision the last successful sync programmed; 0 before the first. */
    long revision();

    /** Every Service the last successful sync programmed, by key; Services the proxy does not program are absent. */
    Map<ObjectKey, ProxiedService> services();

    /** One Service as last programmed. */
    default Optional<ProxiedService> service(ObjectKey key) {
        return Optional.ofNullable(services().get(key));
    }

    /**
     * The kernel's counters of every virtual server it holds, by {@link ServerStatistics#keyOf(VirtualServer)},
     * read now (one kernel dump; may take a few milliseconds). Empty when the backend keeps no such counters or
     * cannot read them at the moment.
     *
     * @since 1.1
     */
    default Map<String, ServerStatistics> statistics() {
        return Map.of();
    }
}
