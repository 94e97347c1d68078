package io.kuberouter.firewall.model;

import java.util.List;
import java.util.Objects;

/**
 * A chain of the filter table as the firewall wants it.
 *
 * @param name the chain's name in the kernel
 * @param rules every rule in order, each the arguments after {@code -A NAME} in {@code iptables-restore} syntax
 */
public record Chain(String name, List<String> rules) {

    public Chain {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }
}
