package io.kuberouter.launcher.flags;

/** The BGP AS number ranges upstream accepts (values are unsigned 64-bit, as Go's {@code uint}). */
final class Asn {

    private Asn() {
    }

    /** The cluster ASN rule: 64512-65535 or 4200000000-4294967294. */
    static boolean isPrivate(long asn) {
        return between(asn, 64512, 65535) || between(asn, 4_200_000_000L, 4_294_967_294L);
    }

    /** The global peer rule: any 32-bit ASN except 0, AS_TRANS 23456, 64000-64511, 65535-131071 and 4294967295. */
    static boolean isUsableForPeer(long asn) {
        return between(asn, 1, 23455) || between(asn, 23457, 63999) || between(asn, 64512, 65534)
                || between(asn, 131072, 4_199_999_999L) || between(asn, 4_200_000_000L, 4_294_967_294L);
    }

    private static boolean between(long value, long lowest, long highest) {
        return Long.compareUnsigned(value, lowest) >= 0 && Long.compareUnsigned(value, highest) <= 0;
    }
}
