package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.exec.syntax.IpsetContent;
import io.kuberouter.kernel.exec.syntax.IpsetScript;
import io.kuberouter.kernel.exec.syntax.ScriptException;
import java.util.List;
import java.util.Optional;

/**
 * Fake {@link Ipsets} (operation {@code ipset}) backed by {@link io.kuberouter.kernel.exec.syntax.IpsetEditor}:
 * {@code -exist} semantics, commands before a failing line stay applied, a set referenced by an
 * iptables rule of the same namespace cannot be destroyed.
 */
public final class FakeIpsets implements Ipsets {

    private static final String OP = "ipset";

    private final FakeKernel kernel;

    FakeIpsets(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void restore(CharSequence script) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter(OP, "restore");
            try {
                ns.ipsets.apply(IpsetScript.parse(script), true);
            } catch (ScriptException e) {
                throw new RestoreException(OP, "", e.line(), e.lineText(), e.reason());
            }
        }
    }

    @Override
    public String save() throws KernelException {
        synchronized (kernel) {
            StringBuilder sb = new StringBuilder();
            kernel.enter(OP, "save").ipsets.snapshot().forEach(s -> sb.append(s.render()));
            return sb.toString();
        }
    }

    @Override
    public String save(String set) throws KernelException {
        IpsetSpec.checkName(set);
        synchronized (kernel) {
            return content(kernel.enter(OP, "save " + set), set).render();
        }
    }

    @Override
    public List<String> names() throws KernelException {
        synchronized (kernel) {
            return kernel.enter(OP, "list").ipsets.names();
        }
    }

    /** The parsed set of the calling thread's namespace, if present. */
    public Optional<IpsetContent> set(String name) {
        synchronized (kernel) {
            return kernel.state().ipsets.snapshot().stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }

    private static IpsetContent content(NetnsState ns, String set) throws KernelException {
        return ns.ipsets.snapshot().stream().filter(s -> s.name().equals(set)).findFirst().orElseThrow(
                () -> new KernelException(OP, set, Errno.ENOENT.number(), "The set with the given name does not exist"));
    }
}
