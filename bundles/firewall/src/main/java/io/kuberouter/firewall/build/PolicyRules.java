package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.build.ResolvedRule.NamedPortMatch;
import io.kuberouter.firewall.build.ResolvedRule.PortMatch;
import io.kuberouter.firewall.model.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules and ipsets of one policy in one family, upstream's {@code syncNetworkPolicyChains},
 * {@code processIngressRules} and {@code processEgressRules}: every allowed match marks the packet and returns
 * ({@link RuleText#markAndReturn()}), commented {@code "<ns>/<name> <kind>"}. Sets: the target pods as
 * {@code KUBE-DST-} (ingress) and {@code KUBE-SRC-} (egress), created even when empty; per rule the peer pods (only
 * when the peers select pods), the ipBlocks ({@code hash:net}) and the pods of each resolved named port.
 */
final class PolicyRules {

    /** The output for one policy in one family. */
    record Output(List<String> ingress, List<String> egress, Map<String, IpSet> sets) {
        Output {
            ingress = List.copyOf(ingress);
            egress = List.copyOf(egress);
            sets = Map.copyOf(sets);
        }
    }

    private final ResolvedPolicy policy;
    private final String identity;
    private final IpFamily family;
    private final SetCollector sets;
    private final List<String> ingress = new ArrayList<>();
    private final List<String> egress = new ArrayList<>();

    private PolicyRules(ResolvedPolicy policy, String identity, IpFamily family) {
        this.policy = policy;
        this.identity = identity;
        this.family = family;
        this.sets = new SetCollector(family);
        if (policy.ingress()) {
            String targets = sets.pods(Names.targetDestinationSet(identity, family), policy.targets());
            policy.ingressRules().forEach(r -> ingressRule(r, targets));
        }
        if (policy.egress()) {
            String targets = sets.pods(Names.targetSourceSet(identity, family), policy.targets());
            policy.egressRules().forEach(r -> egressRule(r, targets));
        }
    }

    /** The rules of both directions and the sets they use. */
    static Output of(ResolvedPolicy policy, String identity, IpFamily family) {
        PolicyRules rules = new PolicyRules(policy, identity, family);
        return new Output(rules.ingress, rules.egress, rules.sets.sets());
    }

    private void ingressRule(ResolvedRule r, String targets) {
        if (!r.peerPods().isEmpty()) {
            String peers = sets.pods(Names.ingressPeerPodSet(identity, r.index(), family), r.peerPods());
            allow(ingress, r, "ingress pods", peers, targets, true);
        }
        if (r.allPeers()) {
            allow(ingress, r, "ingress any", null, targets, true);
        }
        if (!r.ipBlocks(family).isEmpty()) {
            String blocks = sets.nets(Names.ingressIpBlockSet(identity, r.index(), family), r.ipBlocks(family));
            allow(ingress, r, "ingress cidr", blocks, targets, true);
        }
    }

    private void egressRule(ResolvedRule r, String targets) {
        if (!r.peerPods().isEmpty()) {
            String peers = sets.pods(Names.egressPeerPodSet(identity, r.index(), family), r.peerPods());
            allow(egress, r, "egress pods", targets, peers, false);
        }
        if (r.allPeers()) {
            allow(egress, r, "egress any", targets, null, false);
        }
        if (!r.ipBlocks(family).isEmpty()) {
            String blocks = sets.nets(Names.egressIpBlockSet(identity, r.index(), family), r.ipBlocks(family));
            allowPortsOnly(egress, r, "egress cidr", targets, blocks);
        }
    }

    /**
     * The rules allowing {@code source} to {@code destination} ({@code null}: any) on the rule's ports. Named
     * ports narrow the pod side to the pods serving that port: the destination for ingress and for egress to
     * pods; for egress to any destination upstream matches the port number alone.
     */
    private void allow(List<String> out, ResolvedRule r, String kind, String source, String destination,
            boolean ingressSide) {
        allowPortsOnly(out, r, kind, source, destination);
        if (r.allPorts()) {
            return;
        }
        for (int j = 0; j < r.namedPorts().size(); j++) {
            NamedPortMatch np = r.namedPorts().get(j);
            String servers = destination == null ? null : sets.pods(Names.namedPortSet(identity,
                    ingressSide ? "ingress" : "egress", r.index(), j, family), np.pods());
            out.addAll(match(kind + " np", source, servers).port(np.protocol(), String.valueOf(np.port()))
                    .markAndReturn());
        }
    }

    /** The rules for every port when the rule has none, else for its numeric ports. */
    private void allowPortsOnly(List<String> out, ResolvedRule r, String kind, String source, String destination) {
        if (r.allPorts()) {
            out.addAll(match(kind, source, destination).markAndReturn());
            return;
        }
        for (PortMatch p : r.ports()) {
            out.addAll(match(kind, source, destination).port(p.protocol(), p.dport()).markAndReturn());
        }
    }

    private RuleText match(String kind, String source, String destination) {
        RuleText rule = RuleText.rule().comment(policy.namespace() + "/" + policy.name() + " " + kind);
        if (source != null) {
            rule.set(source, "src");
        }
        if (destination != null) {
            rule.set(destination, "dst");
        }
        return rule;
    }
}
