package io.kuberouter.api.capability;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kernel state a capability owns, by name prefix, number or address range. Two capabilities never claim
 * the same object; a reconciler prunes only objects its owner claims.
 *
 * @param chainPrefixes iptables chain name prefixes, e.g. {@code KUBE-POD-FW-}
 * @param ipsetPrefixes ipset name prefixes, e.g. {@code KUBE-SRC-}
 * @param linkPrefixes link name prefixes, e.g. {@code tun-}, {@code kube-dummy-if}
 * @param routeProtocols rtnetlink route protocol numbers, e.g. 17 (0x11) for injected pod routes
 * @param routeTables routing table ids, e.g. 77
 * @param fwmarks firewall marks used for IPVS fwmark services and policy rules
 * @param vipRanges the addresses of the address-based IPVS virtual servers the capability programs and
 *        prunes (since 1.2)
 */
public record KernelOwnership(
        List<String> chainPrefixes,
        List<String> ipsetPrefixes,
        List<String> linkPrefixes,
        List<Integer> routeProtocols,
        List<Integer> routeTables,
        List<MarkRange> fwmarks,
        List<VipRange> vipRanges) {

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
        vipRanges = List.copyOf(vipRanges);
    }

    /** An ownership without IPVS virtual servers (the form before 1.2). */
    public KernelOwnership(List<String> chainPrefixes, List<String> ipsetPrefixes, List<String> linkPrefixes,
            List<Integer> routeProtocols, List<Integer> routeTables, List<MarkRange> fwmarks) {
        this(chainPrefixes, ipsetPrefixes, linkPrefixes, routeProtocols, routeTables, fwmarks, List.of());
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

    /** Whether an address-based IPVS virtual server on {@code address} is this capability's. */
    public boolean ownsVip(InetAddress address) {
        return vipRanges.stream().anyMatch(r -> r.contains(address));
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

    /**
     * A CIDR of virtual server addresses, e.g. {@code 10.96.0.0/12}; {@code 0.0.0.0/0} and {@code ::/0} are
     * every address of a family.
     *
     * @param network the first address of the range (host bits zero)
     */
    public record VipRange(InetAddress network, int prefixLength) {

        private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

        public VipRange {
            if (prefixLength < 0 || prefixLength > network.getAddress().length * 8) {
                throw new IllegalArgumentException("bad prefix length " + prefixLength + " for " + network);
            }
            if (!Arrays.equals(network.getAddress(), masked(network.getAddress(), prefixLength))) {
                throw new IllegalArgumentException("host bits set in " + network.getHostAddress() + "/" + prefixLength);
            }
        }

        /**
         * Parses {@code ADDRESS/LENGTH} (a bare address is a host range), clearing host bits as Go's
         * {@code net.ParseCIDR} does.
         *
         * @throws IllegalArgumentException when {@code cidr} is no IP literal with an optional prefix length
         */
        public static VipRange of(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!LITERAL.matcher(address).matches()) {
                throw new IllegalArgumentException("not an IP range: " + cidr);
            }
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                int length = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (length < 0 || length > bytes.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + cidr);
                }
                return new VipRange(InetAddress.getByAddress(masked(bytes, length)), length);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an IP range: " + cidr, e);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length == network.getAddress().length
                    && Arrays.equals(masked(bytes, prefixLength), network.getAddress());
        }

        /** Whether the two ranges share an address: one contains the other. */
        public boolean overlaps(VipRange other) {
            return contains(other.network) || other.contains(network);
        }

        /** E.g. {@code 10.96.0.0/12}, {@code fd00::/108} (RFC 5952 text). */
        @Override
        public String toString() {
            return text(network) + "/" + prefixLength;
        }

        /** The address as RFC 5952 §4.2 writes it: the longest run of two or more zero groups as {@code ::}. */
        private static String text(InetAddress address) {
            String[] groups = address.getHostAddress().split(":");
            if (groups.length != 8) {
                return address.getHostAddress();
            }
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < 8; i++) {
                int length = 0;
                while (i + length < 8 && groups[i + length].equals("0")) {
                    length++;
                }
                if (length > bestLength) {
                    bestStart = i;
                    bestLength = length;
                }
            }
            if (bestStart < 0) {
                return String.join(":", groups);
            }
            return String.join(":", Arrays.copyOfRange(groups, 0, bestStart)) + "::"
                    + String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, 8));
        }

        private static byte[] masked(byte[] address, int prefixLength) {
            byte[] out = address.clone();
            for (int bit = prefixLength; bit < out.length * 8; bit++) {
                out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return out;
        }
    }
}
