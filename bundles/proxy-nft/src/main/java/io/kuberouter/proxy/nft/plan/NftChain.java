package io.kuberouter.proxy.nft.plan;

import java.util.List;
import java.util.Objects;

/**
 * A chain of the table with its rules in order.
 *
 * @param spec the base chain's hook declaration ({@code { type nat hook prerouting priority -100 ; }}) or
 *     empty for a regular chain
 */
public record NftChain(String name, String spec, List<String> rules) {

    public NftChain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        rules = List.copyOf(rules);
    }

    public static NftChain regular(String name, List<String> rules) {
        return new NftChain(name, "", rules);
    }
}
