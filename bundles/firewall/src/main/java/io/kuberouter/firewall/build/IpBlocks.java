package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.NetworkPolicy;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.kernel.api.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code hash:net} entries of an ipBlock peer, upstream's {@code evalIPBlockPeer}: the CIDR, and each
 * {@code except} CIDR with {@code nomatch} (the longer prefix wins, so excepted addresses do not match). ipset
 * cannot hold a {@code /0}: it is split as upstream does, IPv4 into {@code 0.0.0.0/1} + {@code 128.0.0.0/1},
 * IPv6 into {@code 2000::/3} + {@code fd00::/8}. An invalid CIDR, or an except that is invalid or of the other
 * family, is reported and the whole peer skipped: dropping only the except would widen the peer.
 */
final class IpBlocks {

    private IpBlocks() {
    }

    /** The entries by family; empty when the peer is skipped. */
    static Map<IpFamily, List<String>> entries(NetworkPolicy.IpBlock block, ObjectKey policy, String where,
            Problems problems) {
        IpPrefix cidr = parse(block.cidr());
        if (cidr == null) {
            problems.add(policy, Problems.INVALID_CIDR, where + ": ipBlock cidr '" + block.cidr()
                    + "' is not a valid CIDR; the peer is skipped");
            return Map.of();
        }
        List<String> entries = new ArrayList<>(split(cidr, ""));
        for (String text : block.except()) {
            IpPrefix except = parse(text);
            if (except == null || except.family() != cidr.family()) {
                problems.add(policy, Problems.INVALID_CIDR, where + ": ipBlock except '" + text
                        + "' is not a valid CIDR of the block's family; the peer is skipped");
                return Map.of();
            }
            entries.addAll(split(except, " nomatch"));
        }
        return Map.of(IpFamily.of(cidr.toString()), List.copyOf(entries));
    }

    /** A CIDR with its host bits cleared, or {@code null} if {@code text} is not {@code address/length}. */
    private static IpPrefix parse(String text) {
        if (text.indexOf('/') < 0) {
            return null;
        }
        try {
            return IpPrefix.parse(text).network();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> split(IpPrefix prefix, String option) {
        if (prefix.length() > 0) {
            return List.of(prefix + option);
        }
        boolean v4 = IpFamily.of(prefix.toString()) == IpFamily.IPV4;
        return v4 ? List.of("0.0.0.0/1" + option, "128.0.0.0/1" + option)
                : List.of("2000::/3" + option, "fd00::/8" + option);
    }
}
