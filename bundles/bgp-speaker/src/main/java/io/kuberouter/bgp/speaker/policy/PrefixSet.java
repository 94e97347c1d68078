package io.kuberouter.bgp.speaker.policy;

import java.util.List;
import java.util.Objects;

/**
 * A named set of prefixes; IPv4 and IPv6 entries may be mixed.
 *
 * @param name the set's name, unique among prefix sets
 * @param prefixes the entries
 */
public record PrefixSet(String name, List<PrefixMatch> prefixes) {

    public PrefixSet {
        Objects.requireNonNull(name, "name");
        prefixes = List.copyOf(prefixes);
    }
}
