package io.kuberouter.firewall.model;

import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import java.util.Collection;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An ipset as the firewall wants it: its create parameters and exactly these entries.
 *
 * @param spec name (with the {@code inet6:} prefix for IPv6), type and options
 * @param entries entries as {@code ipset add} takes them, e.g. {@code 10.0.0.5} or {@code 10.0.0.0/8 nomatch}
 */
public record IpSet(IpsetSpec spec, SortedSet<String> entries) {

    public IpSet {
        Objects.requireNonNull(spec, "spec");
        entries = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(entries));
    }

    /** A set of the given entries. */
    public static IpSet of(IpsetSpec spec, Collection<String> entries) {
        return new IpSet(spec, new TreeSet<>(entries));
    }

    public String name() {
        return spec.name();
    }
}
