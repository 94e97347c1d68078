package io.kuberouter.dsr.kernel;

import io.kuberouter.dsr.model.DsrMarks;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.route.RouteType;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.api.rule.Rules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * kube-router's DSR policy routing (behaviour inventory §3.7 items 4–5): table 78 {@code kube-router-dsr} holds
 * {@code local default dev lo}, and {@code fwmark MARK lookup 78 priority 32764} per DSR frontend makes the
 * marked packets local, where the fwmark IPVS service takes them; table 79 {@code external_ip} is looked up
 * {@code from all} at priority 32765 and kept empty (upstream flushes it; its route-adding code is disabled).
 * DSR owns tables 78 and 79 and exactly these rules.
 */
final class PolicyRouting {

    static final int DSR_TABLE = 78;
    static final int EXTERNAL_IP_TABLE = 79;
    static final int FWMARK_PRIORITY = 32764;
    static final int EXTERNAL_IP_PRIORITY = 32765;

    private PolicyRouting() {
    }

    /**
     * Programs the rules and tables for {@code marks}; an empty set removes all of it, except the {@code fwmark}
     * rules of stale marks {@code deletable} refuses (while the owners' prune gate is closed: those this process
     * did not write).
     *
     * @return true when it wrote
     */
    static boolean write(Rules rules, Routes routes, AddressFamily family, Set<Integer> marks,
            IntPredicate deletable) throws KernelException {
        boolean wrote = false;
        Set<Rule> wanted = new HashSet<>();
        marks.forEach(m -> wanted.add(Rule.fwmark(family, FWMARK_PRIORITY, m, DSR_TABLE)));
        if (!marks.isEmpty()) {
            wanted.add(Rule.all(family, EXTERNAL_IP_PRIORITY, EXTERNAL_IP_TABLE));
        }
        Set<Rule> present = new HashSet<>();
        for (Rule rule : rules.list(family)) {
            if (owned(rule)) {
                if (wanted.contains(rule) && present.add(rule)
                        || !wanted.contains(rule) && rule.fwmark() != 0 && !deletable.test(rule.fwmark())) {
                    continue;
                }
                rules.delete(rule);
                wrote = true;
            }
        }
        for (Rule rule : wanted) {
            if (!present.contains(rule)) {
                rules.add(rule);
                wrote = true;
            }
        }
        Route local = Route.to(IpPrefix.any(family)).dev("lo").type(RouteType.LOCAL).table(DSR_TABLE).build();
        boolean haveLocal = false;
        for (Route route : table(routes, family, DSR_TABLE)) {
            if (!marks.isEmpty() && !haveLocal && route.type() == RouteType.LOCAL && route.dst().length() == 0) {
                haveLocal = true;
            } else {
                routes.delete(route);
                wrote = true;
            }
        }
        if (!marks.isEmpty() && !haveLocal) {
            routes.replace(local);
            wrote = true;
        }
        for (Route route : table(routes, family, EXTERNAL_IP_TABLE)) {
            routes.delete(route);
            wrote = true;
        }
        return wrote;
    }

    /** The routes of {@code table}; none when the kernel has no such table yet (ENOENT). */
    private static List<Route> table(Routes routes, AddressFamily family, int table) throws KernelException {
        try {
            return routes.list(RouteFilter.table(family, table));
        } catch (KernelException e) {
            if (e.is(Errno.ENOENT)) {
                return List.of();
            }
            throw e;
        }
    }

    static boolean owned(Rule rule) {
        boolean markRule = rule.table() == DSR_TABLE && rule.priority() == FWMARK_PRIORITY && rule.fwmask() == -1
                && rule.fwmark() >= 1 && rule.fwmark() <= DsrMarks.MAX_MARK;
        boolean externalIpRule = rule.table() == EXTERNAL_IP_TABLE && rule.priority() == EXTERNAL_IP_PRIORITY
                && rule.fwmask() == 0 && rule.src().isEmpty() && rule.dst().isEmpty();
        return markRule || externalIpRule;
    }
}
