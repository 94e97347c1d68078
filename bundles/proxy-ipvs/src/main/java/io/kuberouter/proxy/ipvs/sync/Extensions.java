package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.ServiceProxyExtension;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.api.proxy.VirtualServer;
import io.kuberouter.proxy.model.ClaimPolicy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link ServiceProxyExtension}s. As a {@link ClaimPolicy} the first extension (in registration
 * order) that claims a virtual server decides its delivery. An extension that throws is logged and treated
 * as claiming nothing; the proxy carries on. Thread-safe; (un)registration asks for a full rebuild.
 */
final class Extensions implements ClaimPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(Extensions.class);

    private final List<ServiceProxyExtension> extensions = new CopyOnWriteArrayList<>();
    private final Runnable rebuildRequest;

    Extensions(Runnable rebuildRequest) {
        this.rebuildRequest = rebuildRequest;
    }

    void add(ServiceProxyExtension extension) {
        extensions.add(extension);
        rebuildRequest.run();
    }

    void remove(ServiceProxyExtension extension) {
        if (extensions.remove(extension)) {
            rebuildRequest.run();
        }
    }

    @Override
    public VirtualServer apply(Service service, VirtualServer server) {
        for (ServiceProxyExtension extension : extensions) {
            try {
                Optional<Delivery> claim = extension.claim(service, server);
                if (claim.isPresent()) {
                    return server.withDelivery(claim.get());
                }
            } catch (RuntimeException e) {
                LOG.warn("proxy extension {} failed to answer for {}: {}", extension.name(), server.portId(),
                        e.toString());
            }
        }
        return server;
    }

    /** Tells every extension what the last sync programmed. */
    void programmed(ServiceProxyView view, Set<ObjectKey> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Set<ObjectKey> copy = Set.copyOf(changed);
        for (ServiceProxyExtension extension : extensions) {
            try {
                extension.programmed(view, copy);
            } catch (RuntimeException e) {
                LOG.warn("proxy extension {} failed on a sync notification: {}", extension.name(), e.toString());
            }
        }
    }
}
