package io.kuberouter.router.kernel;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.api.rule.Rules;
import io.kuberouter.reconcile.Operations;
import io.kuberouter.router.build.RouteInjection;
import java.util.Collection;

/** Realizes the overlay's {@code from <pod CIDR> lookup 77} rules; owned and pruned: rules that look up table 77. */
final class RuleOperations implements Operations<Rule> {

    private final Rules rules;

    RuleOperations(Rules rules) {
        this.rules = rules;
    }

    @Override
    public void update(Rule rule) throws KernelException {
        if (!rules.list(rule.family()).contains(rule)) {
            rules.add(rule);
        }
    }

    @Override
    public void delete(Rule rule) throws KernelException {
        try {
            rules.delete(rule);
        } catch (KernelException e) {
            if (!e.is(Errno.ENOENT)) {
                throw e;
            }
        }
    }

    @Override
    public void prune(Collection<Rule> desired) throws KernelException {
        for (AddressFamily family : AddressFamily.values()) {
            for (Rule rule : rules.list(family)) {
                if (rule.table() == RouteInjection.TABLE && !desired.contains(rule)) {
                    delete(rule);
                }
            }
        }
    }
}
