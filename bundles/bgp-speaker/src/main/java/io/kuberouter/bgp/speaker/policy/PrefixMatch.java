package io.kuberouter.bgp.speaker.policy;

import java.util.Objects;

import io.kuberouter.bgp.codec.model.IpPrefix;

/**
 * A prefix of a prefix set with a mask-length range: a route matches when its first {@code
 * prefix.length()} bits equal the prefix's and its length lies in {@code minLength..maxLength}.
 *
 * @param prefix the covering prefix
 * @param minLength shortest matching length, at least {@code prefix.length()}
 * @param maxLength longest matching length, at most 32 or 128
 */
public record PrefixMatch(IpPrefix prefix, int minLength, int maxLength) {

    public PrefixMatch {
        Objects.requireNonNull(prefix, "prefix");
        int bits = prefix.address().getAddress().length * 8;
        if (minLength < prefix.length() || maxLength < minLength || maxLength > bits) {
            throw new IllegalArgumentException(
                    "mask range " + minLength + ".." + maxLength + " invalid for " + prefix);
        }
    }

    /** Exactly {@code prefix}. */
    public static PrefixMatch exact(IpPrefix prefix) {
        return new PrefixMatch(prefix, prefix.length(), prefix.length());
    }

    /** {@code prefix} and every longer prefix inside it. */
    public static PrefixMatch orLonger(IpPrefix prefix) {
        return new PrefixMatch(prefix, prefix.length(), prefix.address().getAddress().length * 8);
    }
}
