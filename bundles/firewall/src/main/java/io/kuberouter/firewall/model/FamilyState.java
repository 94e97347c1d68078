package io.kuberouter.firewall.model;

import io.kuberouter.api.cluster.IpFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The firewall's desired filter-table state of one IP family: its ipsets and every chain it owns.
 *
 * @param ipsets by kernel name
 * @param fixed the chains with fixed names ({@code KUBE-ROUTER-*}, {@code KUBE-NWPLCY-DEFAULT/COMMON/TAIL}), in
 *        the order they are written
 * @param versioned the policy and pod chains, whose names carry the version of the sync that last changed them
 * @param jumps the rule each built-in chain ({@code INPUT}, {@code FORWARD}, {@code OUTPUT}) must have at
 *        position 1, by built-in chain
 */
public record FamilyState(IpFamily family, Map<String, IpSet> ipsets, List<Chain> fixed,
        Map<ChainKey, Chain> versioned, Map<String, String> jumps) {

    public FamilyState {
        Objects.requireNonNull(family, "family");
        ipsets = Collections.unmodifiableMap(new TreeMap<>(ipsets));
        fixed = List.copyOf(fixed);
        versioned = Collections.unmodifiableMap(new TreeMap<>(versioned));
        jumps = Collections.unmodifiableMap(new LinkedHashMap<>(jumps));
    }

    /** Every chain: the fixed ones, then the versioned ones by key. */
    public List<Chain> chains() {
        List<Chain> all = new ArrayList<>(fixed);
        all.addAll(versioned.values());
        return all;
    }

    /** Every chain by name. */
    public Map<String, Chain> chainsByName() {
        Map<String, Chain> byName = new LinkedHashMap<>();
        chains().forEach(c -> byName.put(c.name(), c));
        return byName;
    }
}
