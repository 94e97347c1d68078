package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Node;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.firewall.build.PodChainRules.PolicyJump;
import io.kuberouter.firewall.build.TopLevelChains.PodChain;
import io.kuberouter.firewall.model.Chain;
import io.kuberouter.firewall.model.ChainKey;
import io.kuberouter.firewall.model.FamilyState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Builds the {@link FamilyState} of one family from the evaluated policies. */
final class FamilyBuilder {

    /** kube-router's annotation with the node's pod CIDRs, used when {@code spec.podCIDRs} is empty. */
    static final String POD_CIDRS_ANNOTATION = "kube-router.io/pod-cidrs";

    private final IpFamily family;
    private final Settings settings;
    private final ClusterIndex index;
    private final ChainNamer namer;
    private final BuildCache cache;
    private final SetCollector sets;
    private final Map<ChainKey, Chain> versioned = new HashMap<>();
    /** What a policy's rules are built from. */
    private record PolicyInput(ResolvedPolicy policy, String identity) {
    }

    /** What a pod chain's rules are built from. */
    private record PodInput(Pod pod, String ip, List<PolicyJump> jumps) {
    }

    private final Map<Pod, List<PolicyJump>> jumpsByPod = new IdentityHashMap<>();

    FamilyBuilder(IpFamily family, Settings settings, ClusterIndex index, ChainNamer namer, BuildCache cache) {
        this.family = family;
        this.settings = settings;
        this.index = index;
        this.namer = namer;
        this.cache = cache;
        this.sets = new SetCollector(family);
    }

    FamilyState build(List<ResolvedPolicy> policies, Identities policyIds, Identities podIds) {
        policies.forEach(p -> addPolicy(p, policyIds.of(p.policy().key())));
        List<PodChain> pods = new ArrayList<>();
        for (Pod pod : index.localPods()) {
            Optional<String> ip = PodAddresses.first(pod, family);
            if (ip.isPresent()) {
                pods.add(new PodChain(pod, ip.get(), podChain(pod, ip.get(), podIds.of(pod.key())).name()));
            }
        }
        List<Chain> fixed = new ArrayList<>(TopLevelChains.chains(settings, family, pods, cache));
        fixed.add(PolicyFrameChains.defaultChain());
        fixed.add(PolicyFrameChains.common(family));
        fixed.add(PolicyFrameChains.tail(family, settings.defaultDeny(),
                settings.defaultDeny() ? podCidrs() : List.of()));
        if (settings.defaultDeny()) {
            sets.addresses(Names.localPodsSet(family), pods.stream().map(PodChain::ip).toList());
        }
        return new FamilyState(family, sets.sets(), fixed, versioned, TopLevelChains.jumps());
    }

    private Chain podChain(Pod pod, String ip, String id) {
        ChainKey key = new ChainKey(ChainKey.Kind.POD, pod.key().namespace(), pod.key().name());
        List<String> rules = cache.get("pod " + pod.key() + " " + family,
                new PodInput(pod, ip, jumpsByPod.getOrDefault(pod, List.of())),
                in -> PodChainRules.rules(in.pod(), in.ip(), in.jumps()));
        Chain chain = namer.name(key, rules, v -> Names.podChain(id, v));
        versioned.put(key, chain);
        return chain;
    }

    private void addPolicy(ResolvedPolicy policy, String id) {
        PolicyRules.Output rules = cache.get("policy " + policy.policy().key() + " " + family,
                new PolicyInput(policy, id), in -> PolicyRules.of(in.policy(), in.identity(), family));
        sets.addAll(rules.sets());
        String ns = policy.namespace();
        if (policy.ingress()) {
            Chain in = policyChain(ChainKey.Kind.POLICY, ns, policy.name(), rules.ingress(),
                    v -> Names.policyChain(id, v, family));
            jump(policy, in, true);
        }
        if (policy.egress()) {
            boolean both = policy.ingress();
            Chain out = policyChain(both ? ChainKey.Kind.POLICY_EGRESS : ChainKey.Kind.POLICY, ns, policy.name(),
                    rules.egress(), both ? v -> Names.policyEgressChain(id, v, family)
                            : v -> Names.policyChain(id, v, family));
            jump(policy, out, false);
        }
    }

    private Chain policyChain(ChainKey.Kind kind, String ns, String name, List<String> rules,
            UnaryOperator<String> nameOfVersion) {
        ChainKey key = new ChainKey(kind, ns, name);
        Chain chain = namer.name(key, rules, nameOfVersion);
        versioned.put(key, chain);
        return chain;
    }

    private void jump(ResolvedPolicy policy, Chain chain, boolean ingress) {
        for (Pod target : policy.targets()) {
            jumpsByPod.computeIfAbsent(target, k -> new ArrayList<>())
                    .add(new PolicyJump(policy.policy().key(), chain.name(), ingress));
        }
    }

    /** The node's pod CIDRs of this family: {@code spec.podCIDRs}, else kube-router's annotation. */
    private List<String> podCidrs() {
        Node node = index.localNode();
        List<String> all = node == null ? List.of() : node.podCIDRs().isEmpty()
                ? List.of(node.annotations().getOrDefault(POD_CIDRS_ANNOTATION, "").split(","))
                : node.podCIDRs();
        List<String> cidrs = all.stream().map(String::strip).filter(c -> !c.isEmpty())
                .filter(c -> IpFamily.of(c) == family).toList();
        if (cidrs.isEmpty()) {
            throw new IllegalStateException("--netpol-default-deny needs this node's " + Names.family(family)
                    + " pod CIDR (Node spec.podCIDRs or annotation " + POD_CIDRS_ANNOTATION + "); none is known");
        }
        return cidrs;
    }
}
