package io.kuberouter.bgp.codec;

/** Whether a peer is in the local AS (RFC 4271 §1.1); confederation peers count as internal. */
public enum PeerType {
    /** Same AS: LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST are expected. */
    INTERNAL,
    /** Other AS: LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST are discarded (RFC 7606 §7.5, §7.9, §7.10). */
    EXTERNAL
}
