package io.kuberouter.proxy.ipvs.kernel;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy's iptables rules (behaviour inventory §3.6) for {@code iptables-restore --noflush}. Pure: given
 * what {@code iptables-save} shows, it says only what differs.
 *
 * <ul>
 *   <li>filter: chain {@code KUBE-ROUTER-SERVICES} (rewritten whole: ICMP accepts, accept
 *       {@code kube-router-svip-prt dst,dst}, reject what is not for a local address) and the jump to it at
 *       the top of INPUT for destinations in {@code kube-router-svip}; with {@code --ipvs-permit-all=false}
 *       the chain stays empty and there is no jump.</li>
 *   <li>nat POSTROUTING: SNAT of IPVS-masqueraded traffic to the node IP, one rule per pod CIDR that leaves
 *       traffic inside the CIDR alone, plus the catch-all rule with {@code --masquerade-all}. Every other
 *       rule of that shape (older forms included) is deleted. The rules are written as iptables-save prints
 *       them: kube-router's {@code -m ipvs --ipvs --vdir ORIGINAL} is saved without {@code --ipvs}, which the
 *       kernel implies once {@code --vdir} is given ({@code xt_ipvs.c}).</li>
 * </ul>
 */
public final class ServiceFirewall {

    static final String JUMP_COMMENT = "handle traffic to IPVS service IPs in custom chain";
    private static final List<String> MASQ_MATCH = List.of("-m", "ipvs", "--vdir", "ORIGINAL", "--vmethod", "MASQ");

    private ServiceFirewall() {
    }

    /** The filter table input for {@code family}; never empty (the chain is always rewritten). */
    public static String filter(IpFamily family, IptablesTable saved, boolean permitAll) {
        StringBuilder out = new StringBuilder("*filter\n:").append(ProxyNames.SERVICES_CHAIN).append(" - [0:0]\n");
        RuleSpec jump = jump(family);
        if (permitAll) {
            serviceRules(family).forEach(r -> out.append("-A ").append(ProxyNames.SERVICES_CHAIN).append(' ')
                    .append(r).append('\n'));
        }
        List<RuleSpec> input = saved.rules("INPUT");
        long jumps = input.stream().filter(jump::equals).count();
        if (permitAll && jumps == 0) {
            out.append("-I INPUT 1 ").append(jump).append('\n');
        }
        for (long extra = permitAll ? 1 : 0; extra < jumps; extra++) {
            out.append("-D INPUT ").append(jump).append('\n');
        }
        return out.append("COMMIT\n").toString();
    }

    /** The owned masquerade rules in POSTROUTING that are not wanted (duplicates included), in chain order. */
    public static List<RuleSpec> staleMasquerade(IptablesTable saved, List<RuleSpec> wanted) {
        List<RuleSpec> kept = new ArrayList<>();
        List<RuleSpec> stale = new ArrayList<>();
        for (RuleSpec rule : saved.rules("POSTROUTING")) {
            if (!ownedMasquerade(rule)) {
                continue;
            }
            if (wanted.contains(rule) && !kept.contains(rule)) {
                kept.add(rule);
            } else {
                stale.add(rule);
            }
        }
        return stale;
    }

    /** The wanted masquerade rules POSTROUTING lacks. */
    public static List<RuleSpec> missingMasquerade(IptablesTable saved, List<RuleSpec> wanted) {
        List<RuleSpec> present = saved.rules("POSTROUTING");
        return wanted.stream().filter(r -> !present.contains(r)).toList();
    }

    /**
     * {@code rule} with {@code --ipvs} after {@code -m ipvs}, as kube-router writes it. iptables-save leaves that
     * flag out when other ipvs options follow, though the kernel keeps it; deleting such a rule needs it back.
     */
    public static RuleSpec withIpvsFlag(RuleSpec rule) {
        List<String> args = new ArrayList<>(rule.args());
        int at = ipvsMatch(args);
        if (at >= 0 && !(at + 2 < args.size() && args.get(at + 2).equals("--ipvs"))) {
            args.add(at + 2, "--ipvs");
        }
        return RuleSpec.of(args);
    }

    /** kube-router's masquerade rules for one family, in the form iptables-save prints them. */
    public static List<RuleSpec> masquerade(String nodeIp, List<String> podCidrs, boolean masqueradeAll) {
        List<RuleSpec> rules = new ArrayList<>();
        if (masqueradeAll) {
            rules.add(snat(List.of(), nodeIp));
        }
        podCidrs.forEach(cidr -> rules.add(snat(List.of("!", "-s", cidr, "!", "-d", cidr), nodeIp)));
        return rules;
    }

    /** Input removing the chain and the jump (filter), given the saved table. */
    public static String removeFilter(IpFamily family, IptablesTable saved) {
        if (saved.chain(ProxyNames.SERVICES_CHAIN).isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("*filter\n");
        saved.rules("INPUT").stream().filter(r -> r.target().filter(ProxyNames.SERVICES_CHAIN::equals).isPresent())
                .forEach(r -> out.append("-D INPUT ").append(r).append('\n'));
        out.append("-F ").append(ProxyNames.SERVICES_CHAIN).append('\n');
        out.append("-X ").append(ProxyNames.SERVICES_CHAIN).append('\n');
        return out.append("COMMIT\n").toString();
    }

    /**
     * True for nat POSTROUTING rules of the proxy's masquerade shape: an ipvs match on masqueraded traffic and an
     * SNAT or MASQUERADE target (upstream's {@code deleteMasqueradeIptablesRule} matches "ipvs" and "SNAT").
     */
    static boolean ownedMasquerade(RuleSpec rule) {
        List<String> args = rule.args();
        int method = args.indexOf("--vmethod");
        boolean masq = ipvsMatch(args) >= 0 && method >= 0 && method + 1 < args.size()
                && args.get(method + 1).equals("MASQ");
        return masq && rule.target().filter(t -> t.equals("SNAT") || t.equals("MASQUERADE")).isPresent();
    }

    private static int ipvsMatch(List<String> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-m") && args.get(i + 1).equals("ipvs")) {
                return i;
            }
        }
        return -1;
    }

    static RuleSpec jump(IpFamily family) {
        return RuleSpec.of(List.of("-m", "comment", "--comment", JUMP_COMMENT, "-m", "set", "--match-set",
                ProxyNames.set(ProxyNames.SERVICE_IPS, family), "dst", "-j", ProxyNames.SERVICES_CHAIN));
    }

    /** Addresses first, then the matches: the order iptables-save prints. */
    private static RuleSpec snat(List<String> addresses, String nodeIp) {
        List<String> args = new ArrayList<>(addresses);
        args.addAll(MASQ_MATCH);
        args.addAll(List.of("-m", "comment", "--comment", ""));
        args.addAll(List.of("-j", "SNAT", "--to-source", nodeIp, "--random-fully"));
        return RuleSpec.of(args);
    }

    private static List<RuleSpec> serviceRules(IpFamily family) {
        boolean v4 = family == IpFamily.IPV4;
        List<RuleSpec> rules = new ArrayList<>();
        icmpAccepts(v4).forEach((type, comment) -> rules.add(RuleSpec.of(List.of("-m", "comment", "--comment",
                comment, "-p", v4 ? "icmp" : "ipv6-icmp", "-m", v4 ? "icmp" : "icmp6",
                v4 ? "--icmp-type" : "--icmpv6-type", type, "-j", "ACCEPT"))));
        rules.add(RuleSpec.of(List.of("-m", "comment", "--comment", "allow input traffic to ipvs services", "-m", "set",
                "--match-set", ProxyNames.set(ProxyNames.SERVICE_IP_PORTS, family), "dst,dst", "-j", "ACCEPT")));
        rules.add(RuleSpec.of(List.of("-m", "comment", "--comment", "reject all unexpected traffic to service IPs",
                "-m", "set", "!", "--match-set", ProxyNames.set(ProxyNames.LOCAL_IPS, family), "dst", "-j", "REJECT",
                "--reject-with", v4 ? "icmp-port-unreachable" : "icmp6-port-unreachable")));
        return rules;
    }

    /** ICMP types accepted on service IPs, in upstream's order, by numeric type (as iptables-save prints them). */
    private static Map<String, String> icmpAccepts(boolean v4) {
        Map<String, String> types = new LinkedHashMap<>();
        types.put(v4 ? "8" : "128", "allow icmp echo requests to service IPs");
        types.put(v4 ? "11" : "3", "allow icmp ttl exceeded messages to service IPs");
        types.put(v4 ? "3" : "1", "allow icmp destination unreachable messages to service IPs");
        if (!v4) {
            types.put("135", "allow icmp neighbor solicitation messages to service IPs");
            types.put("136", "allow icmp neighbor advertisement messages to service IPs");
            types.put("129", "allow icmp echo reply messages to service IPs");
        }
        return types;
    }
}
