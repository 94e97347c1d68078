package io.kuberouter.kernel.api.netfilter;

import io.kuberouter.kernel.api.KernelException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** ipsets of the calling thread's namespace, in the {@code ipset save} / {@code ipset restore} format. */
@ProviderType
public interface Ipsets {

    /**
     * Runs a script (see {@link IpsetBatch}) as one batch with {@code -exist} semantics: creating an
     * identical existing set, adding a present entry and deleting a missing entry are not errors.
     * Not atomic: execution stops at the first failing command, and of the commands before it some
     * took effect while the last run of {@code add}/{@code del} to one set may have been dropped
     * (ipset sends such a run as one message). Use {@link IpsetBatch#replace} when readers must never
     * see a partial set.
     *
     * @throws RestoreException naming the failing script line
     */
    void restore(CharSequence script) throws KernelException;

    /** {@code ipset save} of every set: {@code create} lines each followed by that set's {@code add} lines. */
    String save() throws KernelException;

    /** {@code ipset save SET}; fails if the set does not exist. */
    String save(String set) throws KernelException;

    /** Names of all sets ({@code ipset list -n}), in kernel order. */
    List<String> names() throws KernelException;
}
