package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.ServerStatistics;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPVS backend's {@link ServiceProxyView}: updated by the sync thread after each successful sync, one
 * changed Service at a time, read from any thread; statistics are read from the kernel on each call.
 */
final class ProxyView implements ServiceProxyView {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyView.class);

    private final Map<ObjectKey, ProxiedService> services = new ConcurrentHashMap<>();
    private final Supplier<Ipvs> ipvs;
    private volatile long revision;

    /** @param ipvs the bound IPVS service at the time of the call, or {@code null} */
    ProxyView(Supplier<Ipvs> ipvs) {
        this.ipvs = ipvs;
    }

    @Override
    public String backend() {
        return "ipvs";
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

    @Override
    public Map<String, ServerStatistics> statistics() {
        Ipvs current = ipvs.get();
        if (current == null) {
            return Map.of();
        }
        try {
            return IpvsStatistics.read(current);
        } catch (KernelException e) {
            LOG.warn("cannot read IPVS statistics: {}", e.getMessage());
            return Map.of();
        }
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
