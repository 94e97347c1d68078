package io.kuberouter.api.proxy;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.List;
import java.util.Objects;

/**
 * Everything the proxy programs for one Service: its virtual servers (every port × every frontend), and
 * what it skipped.
 */
public record ProxiedService(ObjectKey key, List<VirtualServer> servers, List<Problem> problems) {

    public ProxiedService {
        Objects.requireNonNull(key, "key");
        servers = List.copyOf(servers);
        problems = List.copyOf(problems);
    }

    /** A Service the proxy does not program (headless, ExternalName, another proxy's). */
    public static ProxiedService none(ObjectKey key) {
        return new ProxiedService(key, List.of(), List.of());
    }
}
