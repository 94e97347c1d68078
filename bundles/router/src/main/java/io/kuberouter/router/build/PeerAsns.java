package io.kuberouter.router.build;

/** The peer ASN ranges kube-router accepts (behaviour reference §2.2, {@code pkg/utils/node.go}). */
final class PeerAsns {

    private PeerAsns() {
    }

    /** 1–23455, 23457–63999, 64512–65534, 131072–4199999999, 4200000000–4294967294. */
    static boolean usable(long asn) {
        return (asn >= 1 && asn <= 23455) || (asn >= 23457 && asn <= 63999) || (asn >= 64512 && asn <= 65534)
                || (asn >= 131072 && asn <= 4_294_967_294L);
    }
}
