package io.kuberouter.router.kernel;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.Links;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.Routes;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.api.rule.Rules;
import io.kuberouter.reconcile.PruneGate;
import io.kuberouter.reconcile.ReconcileException;
import io.kuberouter.reconcile.Reconciler;
import io.kuberouter.router.build.KernelRoutes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The only part of the router that touches the kernel SPI: tunnels first, then routes (which name them), then
 * rules; every round is a full one (upstream re-applies all injected routes on each sync too), so drift is repaired
 * and what the router owns but no longer wants is pruned while the gate is open.
 */
public final class RouteReconciler {

    private final Addresses addresses;
    private final Links links;
    private final Routes routes;
    private final Rules rules;
    private final Reconciler<String, LinkSpec.IpTunnel> tunnels;
    private final Reconciler<KernelRoutes.RouteKey, Route> routeReconciler;
    private final Reconciler<Rule, Rule> ruleReconciler;

    public RouteReconciler(Addresses addresses, Links links, Routes routes, Rules rules, PruneGate gate) {
        this.addresses = addresses;
        this.links = links;
        this.routes = routes;
        this.rules = rules;
        this.tunnels = new Reconciler<>(new TunnelOperations(links), gate);
        this.routeReconciler = new Reconciler<>(new RouteOperations(routes), gate);
        this.ruleReconciler = new Reconciler<>(new RuleOperations(rules), gate);
    }

    /** The subnets of this namespace's addresses (tunnel decision, §5.6). */
    public Set<IpPrefix> localSubnets() throws KernelException {
        return addresses.list().stream().map(Address::prefix).map(IpPrefix::network).collect(Collectors.toSet());
    }

    public void apply(KernelRoutes desired) throws ReconcileException {
        tunnels.reconcileFull(desired.tunnels());
        routeReconciler.reconcileFull(desired.routes());
        ruleReconciler.reconcileFull(desired.rules());
    }

    /**
     * Removes everything the router owns: routes of protocol 0x11 and of table 77, the table-77 rules and the
     * {@code tun-*} links, whatever this process remembers (also what an earlier process left).
     */
    public void removeAll() throws KernelException {
        RouteOperations routeOps = new RouteOperations(routes);
        for (Route route : routeOps.owned()) {
            routeOps.delete(route);
        }
        new RuleOperations(rules).prune(List.of());
        new TunnelOperations(links).prune(List.of());
    }

}
