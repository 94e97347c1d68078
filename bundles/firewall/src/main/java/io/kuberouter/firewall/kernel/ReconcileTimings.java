package io.kuberouter.firewall.kernel;

import io.kuberouter.api.cluster.IpFamily;

/** Receives how long the reconciler's kernel calls took, for kube-router's sync-time histograms. */
public interface ReconcileTimings {

    /** An {@code iptables-save} of the family's filter table took {@code nanos}. */
    void saved(IpFamily family, long nanos);

    /** An {@code iptables-restore} of the family's filter table took {@code nanos}. */
    void restored(IpFamily family, long nanos);

    /** An {@code ipset restore} took {@code nanos}. */
    void ipsetsRestored(long nanos);
}
