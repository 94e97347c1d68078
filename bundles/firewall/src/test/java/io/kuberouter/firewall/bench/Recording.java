package io.kuberouter.firewall.bench;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.api.netfilter.Ipsets;
import io.kuberouter.kernel.api.netfilter.Iptables;
import java.util.ArrayList;
import java.util.List;

/** Kernel services that record every restore input they pass on, so the raw tools can be fed the same text. */
final class Recording {

    /** One restore: the tool's input and the arguments that tell the tool what to do with it. */
    record Restore(String kind, AddressFamily family, String input) {
    }

    private final List<Restore> restores = new ArrayList<>();

    List<Restore> restores() {
        return List.copyOf(restores);
    }

    void clear() {
        restores.clear();
    }

    Iptables iptables(Iptables target) {
        return new Iptables() {
            @Override
            public IptablesBackend backend() {
                return target.backend();
            }

            @Override
            public String save(AddressFamily family, String table) throws KernelException {
                return target.save(family, table);
            }

            @Override
            public void restore(AddressFamily family, String table, CharSequence rules, boolean noflush)
                    throws KernelException {
                restores.add(new Restore("iptables", family, rules.toString()));
                target.restore(family, table, rules, noflush);
            }
        };
    }

    Ipsets ipsets(Ipsets target) {
        return new Ipsets() {
            @Override
            public void restore(CharSequence script) throws KernelException {
                restores.add(new Restore("ipset", null, script.toString()));
                target.restore(script);
            }

            @Override
            public String save() throws KernelException {
                return target.save();
            }

            @Override
            public String save(String set) throws KernelException {
                return target.save(set);
            }

            @Override
            public List<String> names() throws KernelException {
                return target.names();
            }
        };
    }
}
