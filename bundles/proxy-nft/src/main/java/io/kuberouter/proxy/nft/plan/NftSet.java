package io.kuberouter.proxy.nft.plan;

import java.util.Objects;

/**
 * A named set or map of the table.
 *
 * @param kind {@code set} or {@code map}
 * @param spec its declaration, e.g. {@code { type ipv4_addr ; flags dynamic,timeout ; timeout 10800s ; }}
 * @param dynamic true when the packet path fills it (affinity): a full sync declares it but keeps its content
 */
public record NftSet(String kind, String name, String spec, boolean dynamic) {

    public NftSet {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
    }
}
