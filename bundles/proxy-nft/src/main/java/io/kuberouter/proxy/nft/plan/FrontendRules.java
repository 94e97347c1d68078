package io.kuberouter.proxy.nft.plan;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.List;
import java.util.Objects;

/**
 * Everything one virtual server puts into the table: its verdict-map element and the chains and affinity sets
 * the element leads to. The unit of incremental syncs; the objects of two frontends never share a name.
 *
 * @param server the virtual server as the model built it
 */
public record FrontendRules(VirtualServer server, NftElement element, List<NftChain> chains, List<NftSet> sets) {

    public FrontendRules {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(element, "element");
        chains = List.copyOf(chains);
        sets = List.copyOf(sets);
    }

    public ObjectKey owner() {
        return server.service();
    }

    /** The frontend's id, {@code address . protocol . port}: the element key, whichever map holds it. */
    public String id() {
        return element.key();
    }
}
