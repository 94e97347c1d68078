package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.firewall.model.IpSet;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ipsets of one family in one build, with kube-router's parameters ({@code hashsize 1024 maxelem 65536
 * timeout 0}). Writing a set twice is fine when the contents agree (a rule's named-port set serves several of its
 * rules); anything else is a bug in the builder.
 */
final class SetCollector {

    private final IpFamily family;
    private final Map<String, IpSet> sets = new TreeMap<>();

    SetCollector(IpFamily family) {
        this.family = family;
    }

    /** A {@code hash:ip} set of the pods' IPs of this family; returns its name. */
    String pods(String name, Collection<Pod> pods) {
        return put(name, "hash:ip", PodAddresses.of(pods, family));
    }

    /** A {@code hash:ip} set of addresses; returns its name. */
    String addresses(String name, Collection<String> addresses) {
        return put(name, "hash:ip", addresses);
    }

    /** A {@code hash:net} set of CIDR entries (possibly with {@code nomatch}); returns its name. */
    String nets(String name, Collection<String> entries) {
        return put(name, "hash:net", entries);
    }

    Map<String, IpSet> sets() {
        return sets;
    }

    /** Adds sets built elsewhere (a policy's), with the same rule as for sets written here. */
    void addAll(Map<String, IpSet> more) {
        more.values().forEach(this::add);
    }

    private String put(String name, String type, Collection<String> entries) {
        AddressFamily af = family == IpFamily.IPV4 ? AddressFamily.INET : AddressFamily.INET6;
        return add(IpSet.of(IpsetSpec.of(name, type, af), entries));
    }

    private String add(IpSet set) {
        IpSet known = sets.putIfAbsent(set.name(), set);
        if (known != null && !known.equals(set)) {
            throw new IllegalStateException("ipset " + set.name() + " built twice with different contents");
        }
        return set.name();
    }
}
