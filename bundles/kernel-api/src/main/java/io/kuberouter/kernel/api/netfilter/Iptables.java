package io.kuberouter.kernel.api.netfilter;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * iptables/ip6tables of the calling thread's namespace, one table per call, in the
 * {@code iptables-save} / {@code iptables-restore} text format. Implementations wait for the xtables
 * lock.
 */
@ProviderType
public interface Iptables {

    /** The backend this service drives (detected from the rules in use, or forced by configuration). */
    IptablesBackend backend();

    /**
     * The current contents of {@code table} ({@code iptables-save -t TABLE}), counters omitted.
     *
     * @param table {@code filter}, {@code nat}, {@code mangle}, {@code raw} or {@code security}
     */
    String save(AddressFamily family, String table) throws KernelException;

    /**
     * Replaces {@code table} atomically with {@code rules}: the table is committed as a whole or, on
     * any error, left exactly as it was.
     *
     * @param rules restore input holding exactly one block {@code *TABLE ... COMMIT} for {@code table}
     * @param noflush if false the whole table is replaced. If true ({@code --noflush}): user chains
     *        declared in {@code rules} are flushed and refilled, built-in chains keep their rules
     *        (the block's rules are appended) and take the declared policy ({@code -} keeps it), and
     *        chains not declared keep their rules
     * @throws RestoreException the tool rejected the input; names the offending line
     * @throws IllegalArgumentException {@code rules} contains a block for another table
     */
    void restore(AddressFamily family, String table, CharSequence rules, boolean noflush) throws KernelException;
}
