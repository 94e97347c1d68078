package io.kuberouter.kernel.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An address with a prefix length, e.g. {@code 10.0.0.5/24} or {@code fd00::/64}. Host bits are kept
 * (an interface address needs them); {@link #network()} clears them for route destinations.
 */
public record IpPrefix(InetAddress address, int length) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    public IpPrefix {
        Objects.requireNonNull(address, "address");
        int bits = AddressFamily.of(address).bits();
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException("prefix length " + length + " out of 0.." + bits);
        }
    }

    /** The host prefix of an address: /32 or /128. */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, AddressFamily.of(address).bits());
    }

    /** The default route prefix of a family: {@code 0.0.0.0/0} or {@code ::/0}. */
    public static IpPrefix any(AddressFamily family) {
        return new IpPrefix(address(family == AddressFamily.INET ? "0.0.0.0" : "::"), 0);
    }

    /** Parses {@code addr/len}; a bare address is a host prefix. */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return host(address(text));
        }
        try {
            return new IpPrefix(address(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in " + text, e);
        }
    }

    /**
     * Parses a numeric IPv4 or IPv6 literal, never resolving names.
     *
     * @throws IllegalArgumentException if the text is not an address literal
     */
    public static InetAddress address(String literal) {
        if (!(literal.indexOf(':') < 0 ? IPV4 : IPV6).matcher(literal).matches()) {
            throw new IllegalArgumentException("not an IP address literal: " + literal);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }

    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    /** This prefix with host bits cleared. */
    public IpPrefix network() {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return new IpPrefix(InetAddress.getByAddress(bytes), length);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True iff {@code other} lies inside this prefix. */
    public boolean contains(InetAddress other) {
        return AddressFamily.of(other) == family() && new IpPrefix(other, length).network().equals(network());
    }

    /** {@code address/length} with the shortest textual address form. */
    @Override
    public String toString() {
        return text(address) + "/" + length;
    }

    /** Shortest textual form of an address (IPv6 zero runs compressed as {@code ::}). */
    public static String text(InetAddress address) {
        String s = address.getHostAddress();
        if (s.indexOf(':') < 0) {
            return s;
        }
        String full = ":" + s.replaceAll("(^|:)0+(?=[0-9a-f])", "$1") + ":";
        String best = null;
        for (String run = ":0:0:0:0:0:0:0:0:"; run.length() >= 5; run = run.substring(2)) {
            if (full.contains(run)) {
                best = run;
                break;
            }
        }
        String out = best == null ? full : full.replaceFirst(best, "::");
        return out.replaceAll("^:(?!:)|(?<!:):$", "");
    }
}
