package io.kuberouter.kernel.api.nftables;

import io.kuberouter.kernel.api.KernelException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * nftables of the calling thread's namespace. Each {@link #apply} is one netlink transaction
 * ({@code nft -f}): every command of the script takes effect, or none does.
 */
@ProviderType
public interface Nftables {

    /**
     * Applies {@code script} (the {@code nft -f} syntax, one command per line, e.g.
     * {@code add rule inet t c ip daddr 10.0.0.1 counter accept}) atomically.
     *
     * @throws io.kuberouter.kernel.api.netfilter.RestoreException the script was rejected (nothing
     *         changed); names the offending line when nft does
     */
    void apply(CharSequence script) throws KernelException;

    /**
     * {@code nft list table FAMILY NAME}: the table as nft prints it (chains, sets and maps with their
     * contents; counters included), or empty when it does not exist.
     *
     * @param family {@code ip}, {@code ip6}, {@code inet}, ...
     */
    Optional<String> listTable(String family, String table) throws KernelException;

    /** Deletes table {@code family name} with everything in it; nothing happens when it does not exist. */
    void deleteTable(String family, String table) throws KernelException;
}
