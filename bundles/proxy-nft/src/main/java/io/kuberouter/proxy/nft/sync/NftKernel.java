package io.kuberouter.proxy.nft.sync;

import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.conntrack.Conntrack;
import io.kuberouter.kernel.api.nftables.Nftables;

/**
 * The kernel services the nftables proxy uses, bound and unbound by DS at any time: {@link Nftables} is required
 * to sync; {@link Addresses} (the node's local addresses for {@code --nodeport-bindon-all-ip}) and
 * {@link Conntrack} (UDP cleanup) are used when present. A (re)bound Nftables asks for a full sync.
 */
public final class NftKernel {

    private volatile Nftables nftables;
    private volatile Addresses addresses;
    private volatile Conntrack conntrack;
    private volatile Runnable onRebind = () -> { };

    void listen(Runnable rebind) {
        onRebind = rebind;
    }

    public void nftables(Nftables service, boolean bound) {
        nftables = swap(nftables, service, bound);
        if (bound) {
            onRebind.run();
        }
    }

    public void addresses(Addresses service, boolean bound) {
        addresses = swap(addresses, service, bound);
    }

    public void conntrack(Conntrack service, boolean bound) {
        conntrack = swap(conntrack, service, bound);
    }

    Nftables nftables() {
        return nftables;
    }

    Addresses addresses() {
        return addresses;
    }

    Conntrack conntrack() {
        return conntrack;
    }

    private static <T> T swap(T current, T service, boolean bound) {
        if (bound) {
            return service;
        }
        return current == service ? null : current;
    }
}
