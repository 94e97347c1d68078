package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a local pod's {@code KUBE-POD-FW-*} chain in one family (behaviour inventory §4.4): the common
 * stateful rules, accept from the local node, the default chain for each direction no policy selects the pod
 * for, one jump per selecting policy, then NFLOG (group 100, 10/minute, burst 10) and REJECT what no policy
 * marked, reset the policy mark and set the netpol-ok mark.
 *
 * <p>Unlike upstream, every policy jump is guarded by the pod's address in its direction ({@code -d} ingress,
 * {@code -s} egress), also for a policy with both directions, whose two directions are separate chains: traffic
 * a pod sends is judged by egress rules only (docs/firewall.md, "Differences").
 */
final class PodChainRules {

    /** A jump from the pod chain into a policy chain of one direction. */
    record PolicyJump(ObjectKey policy, String chain, boolean ingress) {
    }

    private PodChainRules() {
    }

    static List<String> rules(Pod pod, String ip, List<PolicyJump> jumps) {
        String who = pod.key().namespace() + "/" + pod.key().name();
        List<String> rules = new ArrayList<>();
        rules.add(RuleText.rule().comment("common netpol rules").jump(Names.COMMON_CHAIN));
        rules.add(RuleText.rule().comment("from local node").add("-m", "addrtype", "--src-type", "LOCAL")
                .destination(ip).jump("ACCEPT"));
        if (jumps.stream().noneMatch(j -> !j.ingress())) {
            rules.add(RuleText.rule().source(ip).comment("default egress").jump(Names.DEFAULT_CHAIN));
        }
        if (jumps.stream().noneMatch(PolicyJump::ingress)) {
            rules.add(RuleText.rule().destination(ip).comment("default ingress").jump(Names.DEFAULT_CHAIN));
        }
        for (PolicyJump j : jumps) {
            RuleText rule = j.ingress() ? RuleText.rule().destination(ip) : RuleText.rule().source(ip);
            String policy = j.policy().namespace() + "/" + j.policy().name();
            rules.add(rule.comment(policy + " policy").jump(j.chain()));
        }
        rules.add(unmarked(who + " log-drop").jump("NFLOG", "--nflog-group", "100", "-m", "limit", "--limit",
                "10/minute", "--limit-burst", "10"));
        rules.add(unmarked(who + " reject").jump("REJECT"));
        rules.add(RuleText.rule().jump("MARK", "--set-mark", "0/0x10000"));
        rules.add(RuleText.rule().comment("set netpol-ok mark").jump("MARK", "--set-mark", RuleText.ACCEPTED_MARK));
        return rules;
    }

    private static RuleText unmarked(String comment) {
        return RuleText.rule().comment(comment).add("-m", "mark", "!", "--mark", RuleText.MATCHED_MARK);
    }
}
