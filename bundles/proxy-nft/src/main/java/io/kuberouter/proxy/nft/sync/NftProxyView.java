package io.kuberouter.proxy.nft.sync;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.ServiceProxyView;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The nftables backend's {@link ServiceProxyView} ({@code backend() = "nftables"}): updated by the sync thread
 * after each successful sync, one changed Service at a time, read from any thread.
 */
final class NftProxyView implements ServiceProxyView {

    static final String BACKEND = "nftables";

    private final Map<ObjectKey, ProxiedService> services = new ConcurrentHashMap<>();
    private volatile long revision;

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public Map<ObjectKey, ProxiedService> services() {
        return Map.copyOf(services);
    }

    @Override
    public Optional<ProxiedService> service(ObjectKey key) {
        return Optional.ofNullable(services.get(key));
    }

    /** Publishes the models of {@code changed} ({@code null} from {@code models}: no longer programmed). */
    void publish(Set<ObjectKey> changed, Function<ObjectKey, ProxiedService> models, long syncedRevision) {
        for (ObjectKey key : changed) {
            ProxiedService model = models.apply(key);
            if (model == null) {
                services.remove(key);
            } else {
                services.put(key, model);
            }
        }
        revision = syncedRevision;
    }

    /** The Services currently published. */
    Set<ObjectKey> keys() {
        return Set.copyOf(services.keySet());
    }
}
