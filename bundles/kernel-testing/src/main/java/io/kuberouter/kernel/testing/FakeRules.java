package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.api.rule.Rules;
import java.util.Comparator;
import java.util.List;

/**
 * Fake {@link Rules}: operations {@code RTM_GETRULE}, {@code RTM_NEWRULE}, {@code RTM_DELRULE}. A new
 * namespace has the default rules (priority 0 local, 32766 main, and for IPv4 32767 default).
 */
public final class FakeRules implements Rules {

    private final FakeKernel kernel;

    FakeRules(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public List<Rule> list(AddressFamily family) throws KernelException {
        synchronized (kernel) {
            return kernel.enter("RTM_GETRULE", family.name()).rules.stream().filter(r -> r.family() == family)
                    .sorted(Comparator.comparingInt(Rule::priority)).toList();
        }
    }

    @Override
    public void add(Rule rule) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("RTM_NEWRULE", describe(rule));
            if (ns.rules.contains(rule)) {
                throw KernelException.of("RTM_NEWRULE", describe(rule), Errno.EEXIST);
            }
            ns.rules.add(rule);
        }
    }

    @Override
    public void delete(Rule rule) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("RTM_DELRULE", describe(rule));
            if (!ns.rules.remove(rule)) {
                throw KernelException.of("RTM_DELRULE", describe(rule), Errno.ENOENT);
            }
        }
    }

    private static String describe(Rule r) {
        return "priority " + r.priority() + " table " + r.table();
    }
}
