package io.kuberouter.router.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardRulesTest {

    private static final String NODE_RULE = "-A FORWARD -o eth0 -m comment --comment \"allow outbound node port "
            + "traffic on node interface with which node ip is associated\" -j ACCEPT";
    private static final String FOREIGN = "-A FORWARD -o eth0 -j ACCEPT";

    @Test
    void upstreamsThreeRulesInItsInsertionOrderAsIptablesSavePrintsThem() {
        assertEquals(List.of(
                "-A FORWARD -i kube-bridge -m comment --comment \"allow outbound traffic from pods\" -j ACCEPT",
                "-A FORWARD -o kube-bridge -m comment --comment \"allow inbound traffic to pods\" -j ACCEPT",
                NODE_RULE), ForwardRules.of("eth0"));
    }

    @Test
    void missingRulesAreInsertedAtPositionOneInOrder() {
        String save = "*filter\n:FORWARD ACCEPT [0:0]\n" + FOREIGN + "\nCOMMIT\n";

        assertEquals(Optional.of("*filter\n"
                + "-I FORWARD 1 -i kube-bridge -m comment --comment \"allow outbound traffic from pods\" -j ACCEPT\n"
                + "-I FORWARD 1 -o kube-bridge -m comment --comment \"allow inbound traffic to pods\" -j ACCEPT\n"
                + NODE_RULE.replace("-A FORWARD", "-I FORWARD 1") + "\nCOMMIT\n"),
                ForwardRules.sync(save, ForwardRules.of("eth0")));
    }

    @Test
    void presentRulesAreLeftAndARuleForAnotherInterfaceIsReplaced() {
        String save = "*filter\n" + NODE_RULE.replace("eth0", "eth1") + "\n" + ForwardRules.TO_PODS + "\n"
                + ForwardRules.FROM_PODS + "\nCOMMIT\n";

        assertEquals(Optional.of("*filter\n" + NODE_RULE.replace("eth0", "eth1").replace("-A", "-D") + "\n"
                + NODE_RULE.replace("-A FORWARD", "-I FORWARD 1") + "\nCOMMIT\n"),
                ForwardRules.sync(save, ForwardRules.of("eth0")));
        String synced = "*filter\n" + String.join("\n", ForwardRules.of("eth0")) + "\nCOMMIT\n";
        assertEquals(Optional.empty(), ForwardRules.sync(synced, ForwardRules.of("eth0")));
    }

    @Test
    void theFirewallsJumpStaysOnTopSoPoliciesSeePodTrafficFirst() {
        String jump = "-A FORWARD -m comment --comment \"kube-router netpol - TEMCG2JMHZYE7H7T\" "
                + "-j KUBE-ROUTER-FORWARD";
        String save = "*filter\n" + jump + "\n" + FOREIGN + "\nCOMMIT\n";

        String script = ForwardRules.sync(save, ForwardRules.of("eth0")).orElseThrow();

        assertEquals(3, script.lines().filter(l -> l.startsWith("-I FORWARD 2 ")).count(), script);
    }

    @Test
    void removalDeletesOnlyTheRoutersRules() {
        String save = "*filter\n" + FOREIGN + "\n" + String.join("\n", ForwardRules.of("ens3")) + "\nCOMMIT\n";

        String script = ForwardRules.sync(save, List.of()).orElseThrow();

        assertEquals(3, script.lines().filter(l -> l.startsWith("-D FORWARD")).count(), script);
        assertFalse(script.contains(FOREIGN.replace("-A", "-D")), script);
        assertTrue(ForwardRules.isOurs(NODE_RULE));
        assertFalse(ForwardRules.isOurs(FOREIGN));
        assertFalse(ForwardRules.isOurs("-A FORWARD -i kube-bridge -j ACCEPT"));
    }
}
