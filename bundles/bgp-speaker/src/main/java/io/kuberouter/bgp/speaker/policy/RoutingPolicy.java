package io.kuberouter.bgp.speaker.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The whole routing policy of a speaker: defined sets, policies and their assignment. Replaced
 * as a unit, so a change never exposes a half-updated policy.
 *
 * @param prefixSets the prefix sets statements may name
 * @param neighborSets the neighbor sets statements may name
 * @param policies the policies assignments may name
 * @param importAssignment applied to routes received from peers
 * @param exportAssignment applied to routes sent to peers
 */
public record RoutingPolicy(List<PrefixSet> prefixSets, List<NeighborSet> neighborSets, List<Policy> policies,
        PolicyAssignment importAssignment, PolicyAssignment exportAssignment) {

    /** Accept everything in both directions, GoBGP's behaviour without policies. */
    public static final RoutingPolicy ACCEPT_ALL = new RoutingPolicy(List.of(), List.of(), List.of(),
            PolicyAssignment.ACCEPT_ALL, PolicyAssignment.ACCEPT_ALL);

    public RoutingPolicy {
        prefixSets = unique("prefix set", prefixSets, PrefixSet::name);
        neighborSets = unique("neighbor set", neighborSets, NeighborSet::name);
        policies = unique("policy", policies, Policy::name);
        Objects.requireNonNull(importAssignment, "importAssignment");
        Objects.requireNonNull(exportAssignment, "exportAssignment");
        Set<String> names = new HashSet<>(policies.stream().map(Policy::name).toList());
        for (PolicyAssignment assignment : List.of(importAssignment, exportAssignment)) {
            assignment.policies().stream().filter(name -> !names.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("assigned policy " + name + " is not defined");
            });
        }
    }

    private static <T> List<T> unique(String kind, List<T> items, Function<T, String> name) {
        Set<String> seen = new HashSet<>();
        items.stream().map(name).filter(n -> !seen.add(n)).findFirst().ifPresent(n -> {
            throw new IllegalArgumentException(kind + " " + n + " defined twice");
        });
        return List.copyOf(items);
    }
}
