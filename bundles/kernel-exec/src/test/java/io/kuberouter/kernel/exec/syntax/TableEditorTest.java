package io.kuberouter.kernel.exec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableEditorTest {

    private static IptablesTable apply(IptablesTable t, String script, boolean noflush) {
        return TableEditor.apply(t, IptablesScript.parse(script).get(0), noflush, set -> set.startsWith("kube-"));
    }

    private static final String FIRST = """
            *filter
            :INPUT ACCEPT [0:0]
            :FOO - [0:0]
            :BAR - [0:0]
            -A INPUT -s 1.1.1.1 -j FOO
            -A FOO -s 2.2.2.2 -j ACCEPT
            -A BAR -s 3.3.3.3 -j ACCEPT
            COMMIT
            """;
    private static final String SECOND = """
            *filter
            :INPUT DROP [0:0]
            :FOO - [0:0]
            -A INPUT -s 4.4.4.4 -j FOO
            -A FOO -s 5.5.5.5 -j ACCEPT
            COMMIT
            """;

    /** Same scripts and expectations as probed on iptables-legacy and iptables-nft 1.8.9. */
    @Test
    void noflushKeepsBuiltinRulesAndUndeclaredChainsButFlushesDeclaredUserChains() {
        IptablesTable t = apply(apply(IptablesTable.empty("filter"), FIRST, false), SECOND, true);
        assertEquals("DROP", t.chain("INPUT").orElseThrow().policy());
        assertEquals(List.of(RuleSpec.parse("-s 1.1.1.1/32 -j FOO"), RuleSpec.parse("-s 4.4.4.4/32 -j FOO")),
                t.rules("INPUT"));
        assertEquals(List.of(RuleSpec.parse("-s 5.5.5.5/32 -j ACCEPT")), t.rules("FOO"));
        assertEquals(List.of(RuleSpec.parse("-s 3.3.3.3/32 -j ACCEPT")), t.rules("BAR"));
    }

    @Test
    void flushReplacesTheWholeTable() {
        IptablesTable t = apply(apply(IptablesTable.empty("filter"), FIRST, false), SECOND, false);
        assertEquals(List.of("INPUT", "FORWARD", "OUTPUT", "FOO"), List.copyOf(t.chains().keySet()));
        assertEquals(1, t.rules("INPUT").size());
    }

    @Test
    void errorsNameTheLineAndLeaveInputUntouched() {
        IptablesTable before = apply(IptablesTable.empty("filter"), FIRST, false);
        ScriptException missingChain = assertThrows(ScriptException.class,
                () -> apply(before, "*filter\n-A INPUT -j ACCEPT\n-A NOPE -j ACCEPT\nCOMMIT\n", true));
        assertEquals(3, missingChain.line());
        assertEquals("-A NOPE -j ACCEPT", missingChain.lineText());
        assertEquals(2, assertThrows(ScriptException.class,
                () -> apply(before, "*filter\n-A INPUT -j NOPE\nCOMMIT\n", true)).line());
        assertEquals(2, assertThrows(ScriptException.class,
                () -> apply(before, "*filter\n-A INPUT -m set --match-set other src -j DROP\nCOMMIT\n", true)).line());
        assertEquals(2, assertThrows(ScriptException.class,
                () -> apply(before, "*filter\n-D BAR -s 9.9.9.9 -j ACCEPT\nCOMMIT\n", true)).line());
        assertEquals(2, assertThrows(ScriptException.class,
                () -> apply(before, "*filter\n-X FOO\nCOMMIT\n", true)).line());
        assertEquals(List.of(RuleSpec.parse("-s 1.1.1.1/32 -j FOO")), before.rules("INPUT"));
    }

    @Test
    void insertDeleteAndChainCommands() {
        IptablesTable t = apply(IptablesTable.empty("nat"), """
                *nat
                -N KUBE-ROUTER-HAIRPIN
                -A POSTROUTING -j ACCEPT
                -I POSTROUTING 1 -m ipvs --vdir ORIGINAL -j KUBE-ROUTER-HAIRPIN
                -D POSTROUTING 2
                -P OUTPUT DROP
                COMMIT
                """, true);
        assertEquals(List.of(RuleSpec.parse("-m ipvs --vdir ORIGINAL -j KUBE-ROUTER-HAIRPIN")), t.rules("POSTROUTING"));
        assertEquals("DROP", t.chain("OUTPUT").orElseThrow().policy());
        IptablesTable removed = apply(t, "*nat\n-F POSTROUTING\n-X KUBE-ROUTER-HAIRPIN\nCOMMIT\n", true);
        assertEquals(List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"), List.copyOf(removed.chains().keySet()));
    }
}
