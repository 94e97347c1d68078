package io.kuberouter.dsr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.dsr.model.DsrFrontend;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MangleRuleTest {

    @Test
    void rulesAreWrittenInIptablesSaveFormAndReadBack() {
        List<MangleRule> rules = MangleRule.of(new DsrFrontend("192.0.2.10", Protocol.TCP, 80, 0x3D9D), 1440);
        assertEquals(List.of(
                "-d 192.0.2.10/32 -p tcp -m tcp --dport 80 -j MARK --set-xmark 0x3d9d/0xffffffff",
                "-d 192.0.2.10/32 -p tcp -m tcp --dport 80 -j MARK --set-xmark 0x3d9d/0xffffffff",
                "-s 192.0.2.10/32 -i kube-bridge -p tcp -m tcp --sport 80 --tcp-flags SYN,RST SYN -j TCPMSS "
                        + "--set-mss 1440"),
                rules.stream().map(r -> r.spec().toString()).toList());
        assertEquals(List.of("PREROUTING", "OUTPUT", "PREROUTING"), rules.stream().map(MangleRule::chain).toList());
        for (MangleRule rule : rules) {
            assertEquals(Optional.of(rule), MangleRule.parse(rule.chain(), RuleSpec.parse(rule.spec().toString())));
        }
        assertEquals(2, MangleRule.of(new DsrFrontend("192.0.2.10", Protocol.UDP, 53, 9), 1440).size(),
                "no MSS clamp for UDP");
    }

    @Test
    void rulesOfOtherShapesOrMarksAreNotOurs() {
        assertTrue(MangleRule.parse("PREROUTING", RuleSpec.parse(
                "-d 192.0.2.10/32 -p tcp -m tcp --dport 80 -j MARK --set-xmark 0x10000/0xffffffff")).isEmpty());
        assertTrue(MangleRule.parse("PREROUTING", RuleSpec.parse(
                "-d 192.0.2.10/32 -p tcp -m tcp --dport 80 -j MARK --set-xmark 0x5/0xff")).isEmpty());
        assertTrue(MangleRule.parse("FORWARD", RuleSpec.parse(
                "-d 192.0.2.10/32 -p tcp -m tcp --dport 80 -j MARK --set-xmark 0x5/0xffffffff")).isEmpty());
        assertTrue(MangleRule.parse("PREROUTING", RuleSpec.parse(
                "-s 192.0.2.10/32 -i eth0 -p tcp -m tcp --sport 80 --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400"))
                .isEmpty());
        assertTrue(MangleRule.parse("PREROUTING", RuleSpec.parse("-j MARK --set-xmark 0x5/0xffffffff")).isEmpty());
    }
}
