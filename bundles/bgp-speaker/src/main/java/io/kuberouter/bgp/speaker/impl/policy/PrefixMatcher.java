package io.kuberouter.bgp.speaker.impl.policy;

import java.util.List;

import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.PrefixMatch;

/** The entries of one prefix or neighbor set, as octets for a quick bitwise comparison. */
final class PrefixMatcher {

    private final List<Entry> entries;

    private PrefixMatcher(List<Entry> entries) {
        this.entries = entries;
    }

    static PrefixMatcher ofPrefixes(List<PrefixMatch> matches) {
        return new PrefixMatcher(matches.stream()
                .map(m -> new Entry(m.prefix().address().getAddress(), m.prefix().length(), m.minLength(), m.maxLength()))
                .toList());
    }

    static PrefixMatcher ofNeighbors(List<IpPrefix> neighbors) {
        return new PrefixMatcher(neighbors.stream()
                .map(n -> new Entry(n.address().getAddress(), n.length(), n.length(), n.length()))
                .toList());
    }

    /** True if a route to {@code address}/{@code length} lies in an entry and its length range. */
    boolean matches(byte[] address, int length) {
        for (Entry entry : entries) {
            if (entry.address.length == address.length && length >= entry.minLength && length <= entry.maxLength
                    && samePrefix(entry.address, address, entry.length)) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code address} lies inside an entry (neighbor sets: any address length matches). */
    boolean contains(byte[] address) {
        for (Entry entry : entries) {
            if (entry.address.length == address.length && samePrefix(entry.address, address, entry.length)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF00 >> rest & 0xFF;
        return (a[whole] & mask) == (b[whole] & mask);
    }

    private record Entry(byte[] address, int length, int minLength, int maxLength) {
    }
}
