package io.kuberouter.router.build;

import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.Actions;
import io.kuberouter.bgp.speaker.policy.Conditions;
import io.kuberouter.bgp.speaker.policy.NeighborSet;
import io.kuberouter.bgp.speaker.policy.Policy;
import io.kuberouter.bgp.speaker.policy.PolicyAssignment;
import io.kuberouter.bgp.speaker.policy.PrefixMatch;
import io.kuberouter.bgp.speaker.policy.PrefixSet;
import io.kuberouter.bgp.speaker.policy.RouteDisposition;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;
import io.kuberouter.bgp.speaker.policy.Statement;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds kube-router's import and export policies ({@code pkg/controllers/routing/bgp_policies.go}, behaviour
 * reference §5.5) with the same set names. Pure.
 *
 * <p>Export (default REJECT): pod CIDRs to iBGP peers; to external peers service VIPs, and pod CIDRs with
 * {@code --advertise-pod-cidr}, with the node's AS-path prepend, next-hop-self ({@code --override-nexthop}) and
 * communities. VIPs never go to iBGP peers. Import (default ACCEPT): reject service VIPs, default routes and the
 * node's custom reject prefixes from every peer. A statement naming an empty set is left out (an empty ANY set
 * would match nothing in this speaker, but upstream leaves them out too). A route-reflector server gets no
 * policy at all, as upstream.
 *
 * <p>Upstream creates {@code kube_router_export<N>} with an increasing N on every change so GoBGP swaps it
 * atomically; {@link io.kuberouter.bgp.speaker.BgpSpeaker#setPolicy} replaces the whole policy as one unit, so
 * the names carry no counter.
 */
public final class PolicyBuilder {

    public static final String EXPORT_POLICY = "kube_router_export";
    public static final String IMPORT_POLICY = "kube_router_import";

    private PolicyBuilder() {
    }

    public static RoutingPolicy build(PolicyInputs in) {
        if (in.routeReflector()) {
            return RoutingPolicy.ACCEPT_ALL;
        }
        List<PrefixSet> prefixSets = new ArrayList<>();
        List<NeighborSet> neighborSets = new ArrayList<>();
        List<Statement> export = new ArrayList<>();
        List<Statement> imports = new ArrayList<>();
        Actions external = new Actions(RouteDisposition.ACCEPT, in.prepend(), in.overrideNextHop(), in.communities());
        for (Family family : Family.values()) {
            String pods = prefixSet(prefixSets, family.name("podcidrdefinedset"),
                    exact(in.podCidrs(), family));
            String vips = prefixSet(prefixSets, family.name("servicevipsdefinedset"), exact(in.vips(), family));
            String defaults = prefixSet(prefixSets, family.name("defaultroutedefinedset"),
                    List.of(PrefixMatch.exact(new IpPrefix(family.any(), 0))));
            String reject = prefixSet(prefixSets, family.name("customimportrejectdefinedset"),
                    in.importReject().stream().filter(family::has).map(PrefixMatch::orLonger).toList());
            String ibgp = neighborSet(neighborSets, family.name("iBGPpeerset"), hosts(in.ibgpPeers(), family));
            String externals = neighborSet(neighborSets, family.name("externalpeerset"),
                    hosts(in.externalPeers(), family));
            List<IpPrefix> all = new ArrayList<>(hosts(in.ibgpPeers(), family));
            all.addAll(hosts(in.externalPeers(), family));
            String allPeers = neighborSet(neighborSets, family.name("allpeerset"), all);

            if (in.enableIbgp()) {
                statement(export, pods, ibgp, Actions.ACCEPT);
            }
            if (externals != null) {
                statement(export, vips, externals, external);
                if (in.advertisePodCidr()) {
                    statement(export, pods, externals, external);
                }
            }
            statement(imports, vips, allPeers, Actions.REJECT);
            statement(imports, defaults, allPeers, Actions.REJECT);
            statement(imports, reject, allPeers, Actions.REJECT);
        }
        return new RoutingPolicy(prefixSets, neighborSets,
                List.of(new Policy(EXPORT_POLICY, export), new Policy(IMPORT_POLICY, imports)),
                new PolicyAssignment(List.of(IMPORT_POLICY), RouteDisposition.ACCEPT),
                new PolicyAssignment(List.of(EXPORT_POLICY), RouteDisposition.REJECT));
    }

    /** Adds the statement {@code <prefix set><neighbor set>} unless one of its sets is empty (null). */
    private static void statement(List<Statement> statements, String prefixSet, String neighborSet, Actions actions) {
        if (prefixSet != null && neighborSet != null) {
            statements.add(new Statement(prefixSet + neighborSet, Conditions.of(prefixSet, neighborSet), actions));
        }
    }

    /** Defines the set and returns its name, or null when it is empty. */
    private static String prefixSet(List<PrefixSet> sets, String name, List<PrefixMatch> prefixes) {
        if (prefixes.isEmpty()) {
            return null;
        }
        sets.add(new PrefixSet(name, prefixes));
        return name;
    }

    private static String neighborSet(List<NeighborSet> sets, String name, List<IpPrefix> neighbors) {
        if (neighbors.isEmpty()) {
            return null;
        }
        sets.add(new NeighborSet(name, neighbors));
        return name;
    }

    private static List<PrefixMatch> exact(List<IpPrefix> prefixes, Family family) {
        return prefixes.stream().filter(family::has).map(PrefixMatch::exact).toList();
    }

    private static List<IpPrefix> hosts(List<InetAddress> peers, Family family) {
        return peers.stream().map(Prefixes::host).filter(family::has).distinct().toList();
    }

    /** The two families, with upstream's {@code v6} suffix on IPv6 set names. */
    private enum Family {
        V4("", IpPrefix::isIpv4, "0.0.0.0"),
        V6("v6", p -> !p.isIpv4(), "::");

        private final String suffix;
        private final Predicate<IpPrefix> member;
        private final InetAddress any;

        Family(String suffix, Predicate<IpPrefix> member, String any) {
            this.suffix = suffix;
            this.member = member;
            this.any = NodeAnnotations.ip(any);
        }

        String name(String base) {
            return base + suffix;
        }

        boolean has(IpPrefix prefix) {
            return member.test(prefix);
        }

        InetAddress any() {
            return any;
        }
    }
}
