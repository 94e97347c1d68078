package io.kuberouter.proxy.nft.plan;

import java.util.Objects;

/**
 * One element of a verdict map, e.g. {@code 10.96.0.10 . tcp . 80 : goto vs-...}.
 *
 * @param map the map's name
 * @param key {@code ADDRESS . PROTOCOL . PORT}
 * @param verdict {@code goto CHAIN}
 */
public record NftElement(String map, String key, String verdict) {

    public NftElement {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verdict, "verdict");
    }
}
