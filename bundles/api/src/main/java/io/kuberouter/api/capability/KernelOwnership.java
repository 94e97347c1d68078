package io.kuberouter.api.capability;

import java.util.List;

/**
 * Kernel state a capability owns, by name prefix or number. Two capabilities never claim the same
 * object; a reconciler prunes only objects its owner claims.
 *
 * @param chainPrefixes iptables chain name prefixes, e.g. {@code KUBE-POD-FW-}
 * @param ipsetPrefixes ipset name prefixes, e.g. {@code KUBE-SRC-}
 * @param linkPrefixes link name prefixes, e.g. {@code tun-}, {@code kube-dummy-if}
 * @param routeProtocols rtnetlink route protocol numbers, e.g. 17 (0x11) for injected pod routes
 * @param routeTables routing table ids, e.g. 77
 * @param fwmarks firewall marks used for IPVS fwmark services and policy rules
 */
public record KernelOwnership(
        List<String> chainPrefixes,
        List<String> ipsetPrefixes,
        List<String> linkPrefixes,
        List<Integer> routeProtocols,
        List<Integer> routeTables,
        List<MarkRange> fwmarks) {

    /** Owns nothing. */
    public static final KernelOwnership NONE =
            new KernelOwnership(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public KernelOwnership {
        chainPrefixes = List.copyOf(chainPrefixes);
        ipsetPrefixes = List.copyOf(ipsetPrefixes);
        linkPrefixes = List.copyOf(linkPrefixes);
        routeProtocols = List.copyOf(routeProtocols);
        routeTables = List.copyOf(routeTables);
        fwmarks = List.copyOf(fwmarks);
    }

    public boolean ownsChain(String chain) {
        return chainPrefixes.stream().anyMatch(chain::startsWith);
    }

    public boolean ownsIpset(String set) {
        return ipsetPrefixes.stream().anyMatch(set::startsWith);
    }

    public boolean ownsLink(String link) {
        return linkPrefixes.stream().anyMatch(link::startsWith);
    }

    public boolean ownsMark(long mark) {
        return fwmarks.stream().anyMatch(r -> r.contains(mark));
    }

    /** An inclusive range of firewall marks. */
    public record MarkRange(long first, long last) {
        public MarkRange {
            if (first < 0 || last < first || last > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("bad mark range " + first + ".." + last);
            }
        }

        public boolean contains(long mark) {
            return mark >= first && mark <= last;
        }
    }
}
