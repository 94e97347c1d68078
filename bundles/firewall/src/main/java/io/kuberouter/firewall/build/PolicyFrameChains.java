package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.model.Chain;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed chains every pod chain relies on (behaviour inventory §4.1, §4.4): {@code KUBE-NWPLCY-DEFAULT} marks
 * the directions no policy selects a pod for; {@code KUBE-NWPLCY-COMMON} drops INVALID, accepts RELATED and
 * ESTABLISHED (return traffic) and upstream's common ICMP types; {@code KUBE-NWPLCY-TAIL} takes the final
 * decision: ACCEPT netpol-ok traffic and, with {@code --netpol-default-deny}, REJECT traffic of the node's pod CIDRs
 * whose pod is not in {@code kube-router-local-pods} yet, and any other traffic of those CIDRs.
 */
final class PolicyFrameChains {

    private PolicyFrameChains() {
    }

    static Chain defaultChain() {
        return new Chain(Names.DEFAULT_CHAIN, List.of(RuleText.rule().add("-j", "MARK").comment(
                "rule to mark traffic matching a network policy").add("--set-xmark", RuleText.MATCHED_MARK)
                .text()));
    }

    static Chain common(IpFamily family) {
        List<String> rules = new ArrayList<>();
        rules.add(RuleText.rule().comment("rule to drop invalid state for pod")
                .add("-m", "conntrack", "--ctstate", "INVALID").jump("DROP"));
        rules.add(RuleText.rule().comment("rule for stateful firewall for pod")
                .add("-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED").jump("ACCEPT"));
        boolean v4 = family == IpFamily.IPV4;
        List<String> types = v4 ? List.of("echo-request", "destination-unreachable", "time-exceeded")
                : List.of("echo-request", "destination-unreachable", "time-exceeded", "neighbor-solicitation",
                        "neighbor-advertisement", "echo-reply");
        for (String type : types) {
            rules.add(RuleText.rule().comment("allow icmp " + type.replace('-', ' ') + " messages")
                    .add("-p", v4 ? "icmp" : "ipv6-icmp", v4 ? "--icmp-type" : "--icmpv6-type", type).jump("ACCEPT"));
        }
        return new Chain(Names.COMMON_CHAIN, rules);
    }

    /**
     * @param podCidrs the node's pod CIDRs of the family; used only with default deny
     */
    static Chain tail(IpFamily family, boolean defaultDeny, List<String> podCidrs) {
        List<String> rules = new ArrayList<>();
        String localPods = Names.localPodsSet(family);
        if (defaultDeny) {
            for (String cidr : podCidrs) {
                String unprogrammed = "reject unprogrammed local pod (default-deny)";
                rules.add(RuleText.rule().source(cidr).comment(unprogrammed)
                        .add("-m", "set", "!", "--match-set", localPods, "src").jump("REJECT"));
                rules.add(RuleText.rule().destination(cidr).comment(unprogrammed)
                        .add("-m", "set", "!", "--match-set", localPods, "dst").jump("REJECT"));
            }
        }
        rules.add(RuleText.rule().comment("accept netpol-ok").add("-m", "mark", "--mark", RuleText.ACCEPTED_MARK)
                .jump("ACCEPT"));
        if (defaultDeny) {
            for (String cidr : podCidrs) {
                rules.add(RuleText.rule().source(cidr).comment("reject pre-netpol (default-deny)").jump("REJECT"));
                rules.add(RuleText.rule().destination(cidr).comment("reject pre-netpol (default-deny)")
                        .jump("REJECT"));
            }
        }
        return new Chain(Names.TAIL_CHAIN, rules);
    }
}
