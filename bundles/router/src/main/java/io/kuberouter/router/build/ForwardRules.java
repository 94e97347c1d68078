package io.kuberouter.router.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * kube-router's FORWARD accept rules (behaviour reference §5.1 step 4, upstream's {@code enableForwarding}): in
 * filter FORWARD, each inserted at position 1 in this order with upstream's comments, so they end up in reverse:
 * {@code -i kube-bridge} ("allow outbound traffic from pods"), {@code -o kube-bridge} ("allow inbound traffic to
 * pods"), {@code -o <node interface>} ("allow outbound node port traffic on node interface with which node ip is
 * associated"). A rule is the router's when it has exactly one of these shapes, whatever the node interface, so a
 * removal without cluster state ({@code --cleanup-config}) finds them all.
 *
 * <p>One deviation: when FORWARD starts with the firewall's jump to {@value #FIREWALL_CHAIN}, the rules go below
 * it, not above: otherwise {@code -i kube-bridge -j ACCEPT} would let pod traffic past the network policies until
 * the firewall's next full sync (up to {@code --iptables-sync-period}) puts its jump back on top, as upstream's NPC
 * does. Pure.
 */
public final class ForwardRules {

    public static final String FROM_PODS = "-A FORWARD -i " + PodNetwork.BRIDGE
            + " -m comment --comment \"allow outbound traffic from pods\" -j ACCEPT";
    public static final String TO_PODS = "-A FORWARD -o " + PodNetwork.BRIDGE
            + " -m comment --comment \"allow inbound traffic to pods\" -j ACCEPT";
    private static final String NODE_COMMENT =
            "\"allow outbound node port traffic on node interface with which node ip is associated\"";
    /** The network policy firewall's chain, jumped to from position 1 of FORWARD (behaviour reference §4.1). */
    static final String FIREWALL_CHAIN = "KUBE-ROUTER-FORWARD";
    private static final Pattern NODE_INTERFACE = Pattern.compile(
            "-A FORWARD -o \\S+ -m comment --comment " + Pattern.quote(NODE_COMMENT) + " -j ACCEPT");

    private ForwardRules() {
    }

    /** The three rules as {@code iptables-save} prints them, in upstream's insertion order. */
    public static List<String> of(String nodeInterface) {
        return List.of(FROM_PODS, TO_PODS, nodeInterfaceRule(nodeInterface));
    }

    static String nodeInterfaceRule(String nodeInterface) {
        return "-A FORWARD -o " + nodeInterface + " -m comment --comment " + NODE_COMMENT + " -j ACCEPT";
    }

    /** Whether an {@code iptables-save} line is one of the router's rules. */
    public static boolean isOurs(String line) {
        return line.equals(FROM_PODS) || line.equals(TO_PODS) || NODE_INTERFACE.matcher(line).matches();
    }

    /**
     * The {@code iptables-restore --noflush} input that turns the filter table {@code save} into one holding
     * {@code desired}: the router's rules not desired (e.g. for an interface the node IP left) are deleted, the
     * missing desired ones inserted in order at position 1, or below the firewall's leading jumps; nothing else is
     * touched.
     *
     * @return the input, or empty when the table is as desired
     */
    public static Optional<String> sync(String save, List<String> desired) {
        List<String> forward = save.lines().filter(line -> line.startsWith("-A FORWARD ")).toList();
        List<String> present = forward.stream().filter(ForwardRules::isOurs).toList();
        List<String> stale = present.stream().filter(rule -> !desired.contains(rule)).toList();
        long firewallJumps = forward.stream().takeWhile(line -> line.endsWith(" -j " + FIREWALL_CHAIN)).count();
        String insert = "-I FORWARD " + (1 + firewallJumps);
        List<String> lines = new ArrayList<>();
        stale.forEach(rule -> lines.add(rule.replaceFirst("^-A FORWARD", "-D FORWARD")));
        desired.stream().filter(rule -> !present.contains(rule))
                .forEach(rule -> lines.add(rule.replaceFirst("^-A FORWARD", insert)));
        return lines.isEmpty() ? Optional.empty()
                : Optional.of("*filter\n" + String.join("\n", lines) + "\nCOMMIT\n");
    }
}
