package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.exec.syntax.IptablesScript;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.kernel.exec.syntax.ScriptException;
import io.kuberouter.kernel.exec.syntax.TableBlock;
import io.kuberouter.kernel.exec.syntax.TableEditor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fake {@link Iptables}: restore input is parsed and applied with {@link TableEditor} (flush and
 * {@code --noflush} semantics, chain/target/ipset checks), all-or-nothing per call. Operations are the
 * tool names of the configured backend, e.g. {@code iptables-nft-restore}, {@code ip6tables-nft-save}.
 * A rejected restore throws {@link RestoreException} with the offending line, and the table keeps its
 * previous contents.
 */
public final class FakeIptables implements Iptables {

    private final FakeKernel kernel;
    private final IptablesBackend backend;

    FakeIptables(FakeKernel kernel, IptablesBackend backend) {
        this.kernel = kernel;
        this.backend = backend;
    }

    @Override
    public IptablesBackend backend() {
        return backend;
    }

    @Override
    public String save(AddressFamily family, String table) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(tool(family, "save"), table);
            return tables(ns, family).computeIfAbsent(table, IptablesTable::empty).render();
        }
    }

    @Override
    public void restore(AddressFamily family, String table, CharSequence rules, boolean noflush)
            throws KernelException {
        synchronized (kernel) {
            String tool = tool(family, "restore");
            NetnsState ns = kernel.enter(tool, table);
            try {
                List<TableBlock> blocks = IptablesScript.parse(rules);
                if (blocks.size() != 1 || !blocks.get(0).table().equals(table)) {
                    throw new IllegalArgumentException("restore input must hold exactly one *" + table + " block");
                }
                IptablesTable current = tables(ns, family).computeIfAbsent(table, IptablesTable::empty);
                tables(ns, family).put(table, TableEditor.apply(current, blocks.get(0), noflush,
                        set -> ns.ipsets.names().contains(set)));
            } catch (ScriptException e) {
                throw new RestoreException(tool, table, e.line(), e.lineText(), e.reason());
            }
        }
    }

    /** The parsed table of the calling thread's namespace (empty built-in chains if never written). */
    public IptablesTable table(AddressFamily family, String table) {
        synchronized (kernel) {
            return tables(kernel.state(), family).getOrDefault(table, IptablesTable.empty(table));
        }
    }

    private static Map<String, IptablesTable> tables(NetnsState ns, AddressFamily family) {
        return ns.iptables.get(family);
    }

    private String tool(AddressFamily family, String verb) {
        return (family == AddressFamily.INET ? "iptables-" : "ip6tables-") + backend.name().toLowerCase(Locale.ROOT)
                + "-" + verb;
    }
}
