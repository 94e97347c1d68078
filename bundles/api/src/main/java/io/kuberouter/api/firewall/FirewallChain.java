package io.kuberouter.api.firewall;

import io.kuberouter.api.cluster.IpFamily;
import java.util.List;
import java.util.Objects;

/**
 * One chain of the filter table as the firewall wrote it.
 *
 * @param family the IP family (iptables or ip6tables)
 * @param name the chain name
 * @param rules the rules in order, each in {@code iptables-save} syntax without the leading {@code -A CHAIN}
 */
public record FirewallChain(IpFamily family, String name, List<String> rules) {

    public FirewallChain {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }
}
