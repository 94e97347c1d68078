package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Pod;
import io.kuberouter.firewall.model.Chain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code KUBE-ROUTER-INPUT/FORWARD/OUTPUT} of one family and the jumps to them (behaviour inventory §4.1, §4.4).
 * INPUT starts with the RETURNs for service traffic (cluster IP ranges, LOCAL node ports per protocol, external
 * and load balancer IP ranges), comments tagged with upstream's rule UUID. Then per local pod: FORWARD
 * {@code -d}, bridged {@code -d}, {@code -s}, bridged {@code -s}; OUTPUT {@code -d}, {@code -s}; INPUT {@code -s}.
 * Every chain ends with the jump to {@code KUBE-NWPLCY-TAIL} and the ACCEPT of netpol-ok traffic.
 */
final class TopLevelChains {

    /** A local pod's chain in this family. */
    record PodChain(Pod pod, String ip, String chain) {
        String who() {
            return pod.key().namespace() + "/" + pod.key().name();
        }
    }

    private TopLevelChains() {
    }

    /** The jumps of one pod into its chain, per top-level chain. */
    record PodJumps(List<String> input, List<String> forward, List<String> output) {
    }

    static List<Chain> chains(Settings settings, IpFamily family, List<PodChain> pods, BuildCache cache) {
        List<String> input = new ArrayList<>(serviceReturns(settings, family));
        List<String> forward = new ArrayList<>();
        List<String> output = new ArrayList<>();
        for (PodChain p : pods) {
            PodJumps jumps = cache.get("jumps " + p.pod().key() + " " + family, p, TopLevelChains::podJumps);
            input.addAll(jumps.input());
            forward.addAll(jumps.forward());
            output.addAll(jumps.output());
        }
        return List.of(new Chain(Names.INPUT_CHAIN, finish(input)), new Chain(Names.FORWARD_CHAIN, finish(forward)),
                new Chain(Names.OUTPUT_CHAIN, finish(output)));
    }

    static PodJumps podJumps(PodChain p) {
        String in = p.who() + " in";
        String out = p.who() + " out";
        String bridged = "--physdev-is-bridged";
        return new PodJumps(List.of(RuleText.rule().source(p.ip()).comment(out).jump(p.chain())), List.of(
                RuleText.rule().destination(p.ip()).comment(in).jump(p.chain()),
                RuleText.rule().add("-m", "physdev", bridged).destination(p.ip()).comment(in).jump(p.chain()),
                RuleText.rule().source(p.ip()).comment(out).jump(p.chain()),
                RuleText.rule().add("-m", "physdev", bridged).source(p.ip()).comment(out).jump(p.chain())),
                List.of(RuleText.rule().destination(p.ip()).comment(in).jump(p.chain()),
                        RuleText.rule().source(p.ip()).comment(out).jump(p.chain())));
    }

    /** The rule at position 1 of each built-in chain, by built-in chain. */
    static Map<String, String> jumps() {
        Map<String, String> jumps = new LinkedHashMap<>();
        List<String> builtins = List.of("INPUT", "FORWARD", "OUTPUT");
        for (int i = 0; i < builtins.size(); i++) {
            String target = Names.TOP_LEVEL_CHAINS.get(i);
            jumps.put(builtins.get(i), tagged(builtins.get(i), List.of("-m", "comment", "--comment",
                    "kube-router netpol", "-j", target)));
        }
        return jumps;
    }

    private static List<String> serviceReturns(Settings settings, IpFamily family) {
        List<String> rules = new ArrayList<>();
        for (String range : Settings.ofFamily(settings.clusterIpRanges(), family)) {
            rules.add(input(List.of("-m", "comment", "--comment", "allow traffic to primary/secondary cluster IP range",
                    "-d", range, "-j", "RETURN")));
        }
        for (String protocol : List.of("tcp", "udp", "sctp")) {
            rules.add(input(List.of("-p", protocol, "-m", "comment", "--comment", "allow LOCAL "
                    + protocol.toUpperCase(Locale.ROOT) + " traffic to node ports", "-m", "addrtype",
                    "--dst-type", "LOCAL", "-m", "multiport", "--dports", settings.nodePortDports(), "-j", "RETURN")));
        }
        for (String range : Settings.ofFamily(settings.externalIpRanges(), family)) {
            rules.add(input(List.of("-m", "comment", "--comment", "allow traffic to external IP range: " + range,
                    "-d", range, "-j", "RETURN")));
        }
        for (String range : Settings.ofFamily(settings.loadBalancerIpRanges(), family)) {
            rules.add(input(List.of("-m", "comment", "--comment", "allow traffic to load balancer IP range: " + range,
                    "-d", range, "-j", "RETURN")));
        }
        return rules;
    }

    private static String input(List<String> args) {
        return tagged(Names.INPUT_CHAIN, args);
    }

    /** Upstream's {@code addUUIDForRuleSpec}: the comment gets {@code " - " + UUID} of chain and arguments. */
    private static String tagged(String chain, List<String> args) {
        String uuid = Names.ruleUuid(chain, args);
        List<String> out = new ArrayList<>(args);
        int comment = out.indexOf("--comment") + 1;
        out.set(comment, out.get(comment) + " - " + uuid);
        return RuleText.render(out);
    }

    private static List<String> finish(List<String> rules) {
        rules.add(RuleText.rule().comment("rule to explicitly handle traffic for network policies ACCEPT/REJECT "
                + "decision").jump(Names.TAIL_CHAIN));
        rules.add(RuleText.rule().comment("rule to explicitly ACCEPT traffic that comply to network policies")
                .add("-m", "mark", "--mark", RuleText.ACCEPTED_MARK).jump("ACCEPT"));
        return rules;
    }
}
