package io.kuberouter.capabilities.manager;

import io.kuberouter.api.capability.KernelOwnership;
import java.util.List;
import java.util.Optional;

/**
 * Whether two owners claim a common kernel object: a name prefix of one that starts with a prefix of
 * the other (chains, ipsets, links), the same route protocol or table, intersecting fwmark ranges, or
 * intersecting ranges of IPVS virtual server addresses.
 */
final class Claims {

    private Claims() {
    }

    /** The first common claim, e.g. {@code chain prefixes KUBE-POD-FW- and KUBE-POD-}; empty when none. */
    static Optional<String> overlap(KernelOwnership a, KernelOwnership b) {
        return prefixes("chain", a.chainPrefixes(), b.chainPrefixes())
                .or(() -> prefixes("ipset", a.ipsetPrefixes(), b.ipsetPrefixes()))
                .or(() -> prefixes("link", a.linkPrefixes(), b.linkPrefixes()))
                .or(() -> numbers("route protocol", a.routeProtocols(), b.routeProtocols()))
                .or(() -> numbers("route table", a.routeTables(), b.routeTables()))
                .or(() -> marks(a.fwmarks(), b.fwmarks()))
                .or(() -> vips(a.vipRanges(), b.vipRanges()));
    }

    private static Optional<String> vips(List<KernelOwnership.VipRange> a, List<KernelOwnership.VipRange> b) {
        for (KernelOwnership.VipRange x : a) {
            for (KernelOwnership.VipRange y : b) {
                if (x.overlaps(y)) {
                    return Optional.of("virtual server ranges " + x + " and " + y);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> prefixes(String kind, List<String> a, List<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.startsWith(y) || y.startsWith(x)) {
                    return Optional.of(kind + " prefixes " + x + " and " + y);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> numbers(String kind, List<Integer> a, List<Integer> b) {
        return a.stream().filter(b::contains).findFirst().map(n -> kind + " " + n);
    }

    private static Optional<String> marks(List<KernelOwnership.MarkRange> a, List<KernelOwnership.MarkRange> b) {
        for (KernelOwnership.MarkRange x : a) {
            for (KernelOwnership.MarkRange y : b) {
                if (x.first() <= y.last() && y.first() <= x.last()) {
                    return Optional.of("fwmark ranges " + hex(x) + " and " + hex(y));
                }
            }
        }
        return Optional.empty();
    }

    private static String hex(KernelOwnership.MarkRange range) {
        return "0x" + Long.toHexString(range.first()) + "-0x" + Long.toHexString(range.last());
    }
}
