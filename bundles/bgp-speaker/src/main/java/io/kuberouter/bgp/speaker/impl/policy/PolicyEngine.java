package io.kuberouter.bgp.speaker.impl.policy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.Actions;
import io.kuberouter.bgp.speaker.policy.NeighborSet;
import io.kuberouter.bgp.speaker.policy.Policy;
import io.kuberouter.bgp.speaker.policy.PolicyAssignment;
import io.kuberouter.bgp.speaker.policy.PrefixSet;
import io.kuberouter.bgp.speaker.policy.RouteDisposition;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;

/**
 * A {@link RoutingPolicy} compiled for evaluation: per direction the statements of the assigned
 * policies in order and the default action (semantics in {@link io.kuberouter.bgp.speaker.policy}).
 * Immutable; a policy change swaps the whole engine.
 */
public final class PolicyEngine {

    /** Accept everything, unchanged. */
    public static final PolicyEngine ACCEPT_ALL = compile(RoutingPolicy.ACCEPT_ALL);

    private final Direction importDirection;
    private final Direction exportDirection;

    private PolicyEngine(Direction importDirection, Direction exportDirection) {
        this.importDirection = importDirection;
        this.exportDirection = exportDirection;
    }

    public static PolicyEngine compile(RoutingPolicy policy) {
        Map<String, PrefixMatcher> prefixSets = policy.prefixSets().stream()
                .collect(Collectors.toMap(PrefixSet::name, set -> PrefixMatcher.ofPrefixes(set.prefixes())));
        Map<String, PrefixMatcher> neighborSets = policy.neighborSets().stream()
                .collect(Collectors.toMap(NeighborSet::name, set -> PrefixMatcher.ofNeighbors(set.neighbors())));
        Map<String, Policy> policies = policy.policies().stream()
                .collect(Collectors.toMap(Policy::name, Function.identity()));
        return new PolicyEngine(
                Direction.of(policy.importAssignment(), policies, prefixSets, neighborSets),
                Direction.of(policy.exportAssignment(), policies, prefixSets, neighborSets));
    }

    /** The import verdict for a route to {@code prefix} received from {@code peer}. */
    public Verdict importVerdict(IpPrefix prefix, InetAddress peer) {
        return importDirection.evaluate(prefix, peer);
    }

    /** The export verdict for a route to {@code prefix} sent to {@code peer}. */
    public Verdict exportVerdict(IpPrefix prefix, InetAddress peer) {
        return exportDirection.evaluate(prefix, peer);
    }

    /** True when import accepts everything unchanged, so received paths need no evaluation. */
    public boolean importsEverything() {
        return importDirection.statements.isEmpty() && importDirection.defaultAccepts;
    }

    private record Direction(List<CompiledStatement> statements, boolean defaultAccepts) {

        static Direction of(PolicyAssignment assignment, Map<String, Policy> policies,
                Map<String, PrefixMatcher> prefixSets, Map<String, PrefixMatcher> neighborSets) {
            List<CompiledStatement> statements = assignment.policies().stream()
                    .flatMap(name -> policies.get(name).statements().stream())
                    .map(statement -> CompiledStatement.of(statement, prefixSets, neighborSets))
                    .toList();
            return new Direction(statements, assignment.defaultAction() == RouteDisposition.ACCEPT);
        }

        Verdict evaluate(IpPrefix prefix, InetAddress peer) {
            byte[] address = prefix.address().getAddress();
            byte[] neighbor = peer.getAddress();
            List<Actions> modifications = new ArrayList<>(0);
            for (CompiledStatement statement : statements) {
                if (!statement.matches(address, prefix.length(), neighbor)) {
                    continue;
                }
                Actions actions = statement.actions();
                if (actions.disposition() == RouteDisposition.REJECT) {
                    return Verdict.REJECT;
                }
                if (actions.modifiesRoute()) {
                    modifications.add(actions);
                }
                if (actions.disposition() == RouteDisposition.ACCEPT) {
                    return verdict(true, modifications);
                }
            }
            return verdict(defaultAccepts, modifications);
        }

        private static Verdict verdict(boolean accepted, List<Actions> modifications) {
            if (!accepted) {
                return Verdict.REJECT;
            }
            return modifications.isEmpty() ? Verdict.ACCEPT : new Verdict(true, modifications);
        }
    }
}
