package io.kuberouter.kernel.exec.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecIptablesTest {

    private static final String RULES = "*filter\n:KUBE-ROUTER-INPUT - [0:0]\n-A KUBE-ROUTER-INPUT -j NOPE\nCOMMIT\n";

    @Test
    void restoreRunsOneProcessWithWaitTableAndNoflush() throws Exception {
        ScriptedRunner runner = new ScriptedRunner().answer("ip6tables-legacy-restore", 0, "", "");
        new ExecIptables(runner, IptablesBackend.LEGACY, Duration.ofSeconds(5), 7)
                .restore(AddressFamily.INET6, "filter", RULES, true);
        assertEquals(List.of("ip6tables-legacy-restore --wait=7 -T filter --noflush"), runner.commands);
        assertEquals(RULES, runner.stdins.get(0));
    }

    @Test
    void failingRestoreNamesTheOffendingLine() {
        ScriptedRunner runner = new ScriptedRunner().answer("iptables-nft-restore", 2, "",
                "iptables-nft-restore v1.8.9 (nf_tables): Chain 'NOPE' does not exist\n"
                        + "Error occurred at line: 3\nTry `iptables-nft-restore -h' for more information.\n");
        RestoreException e = assertThrows(RestoreException.class,
                () -> new ExecIptables(runner, IptablesBackend.NFT, Duration.ofSeconds(5), 5)
                        .restore(AddressFamily.INET, "filter", RULES, false));
        assertEquals(3, e.line());
        assertEquals("-A KUBE-ROUTER-INPUT -j NOPE", e.lineText());
        assertEquals("iptables-nft-restore filter: line 3 failed: -A KUBE-ROUTER-INPUT -j NOPE: "
                + "iptables-nft-restore v1.8.9 (nf_tables): Chain 'NOPE' does not exist", e.getMessage());
    }

    @Test
    void nftCommitTimeErrorsPointAtTheReferencingRule() {
        String input = "*filter\n:A - [0:0]\n-A A -j ACCEPT\n-A A -m set --match-set nosuch src -j DROP\nCOMMIT\n";
        ScriptedRunner runner = new ScriptedRunner().answer("iptables-nft-restore", 1, "",
                "iptables-nft-restore v1.8.9 (nf_tables): Set nosuch doesn't exist.\n\nError occurred at line: 5\n");
        RestoreException e = assertThrows(RestoreException.class,
                () -> new ExecIptables(runner, IptablesBackend.NFT, Duration.ofSeconds(5), 5)
                        .restore(AddressFamily.INET, "filter", input, false));
        assertEquals(4, e.line());
    }

    @Test
    void inputForAnotherTableIsRejectedBeforeAnyProcessRuns() {
        ScriptedRunner runner = new ScriptedRunner();
        ExecIptables iptables = new ExecIptables(runner, IptablesBackend.NFT, Duration.ofSeconds(5), 5);
        assertThrows(IllegalArgumentException.class,
                () -> iptables.restore(AddressFamily.INET, "nat", RULES, false));
        assertThrows(IllegalArgumentException.class,
                () -> iptables.restore(AddressFamily.INET, "filter", "-A INPUT -j ACCEPT\n", false));
        assertTrue(runner.commands.isEmpty());
    }

    @Test
    void saveReturnsStdoutAndNamespacePrefixIsApplied() throws Exception {
        ScriptedRunner runner = new ScriptedRunner().answer("ip netns exec krtest-a iptables-nft-save -t nat", 0,
                "*nat\nCOMMIT\n", "");
        String out = new ExecIptables(runner.inNetns(NetnsRef.named("krtest-a")), IptablesBackend.NFT,
                Duration.ofSeconds(5), 5).save(AddressFamily.INET, "nat");
        assertEquals("*nat\nCOMMIT\n", out);
    }

    @Test
    void detectionPrefersKubeletHintThenRuleCount() {
        String hint = "*mangle\n:KUBE-IPTABLES-HINT - [0:0]\nCOMMIT\n";
        assertEquals(IptablesBackend.LEGACY, ExecIptables.detect(new ScriptedRunner()
                .answer("iptables-nft-save", 0, "*filter\n-A INPUT -j ACCEPT\nCOMMIT\n", "")
                .answer("iptables-legacy-save", 0, hint, "")));
        assertEquals(IptablesBackend.NFT, ExecIptables.detect(new ScriptedRunner()
                .answer("iptables-nft-save -t mangle", 0, hint, "")
                .answer("iptables-legacy-save", 0, "*filter\n-A INPUT -j ACCEPT\n-A INPUT -j DROP\nCOMMIT\n", "")));
        assertEquals(IptablesBackend.LEGACY, ExecIptables.detect(new ScriptedRunner()
                .answer("iptables-legacy-save", 0, "*filter\n-A INPUT -j ACCEPT\nCOMMIT\n", "")));
        assertEquals(IptablesBackend.NFT, ExecIptables.detect(new ScriptedRunner()
                .answer("iptables-nft-save", 0, "", "")));
        assertEquals(IptablesBackend.LEGACY, ExecIptables.detect(new ScriptedRunner()
                .answer("iptables-nft-save", 1, "", "Failed to initialize nft: Protocol not supported")),
                "an empty host whose kernel lacks nf_tables");
        assertEquals(IptablesBackend.LEGACY, ExecIptables.detect(new ScriptedRunner()
                .answer("iptables-nft-save", 0, "", "")
                .answer("nft -c add table ip", 1, "", "Error: Could not process rule: Operation not supported")),
                "a kernel that lists nf_tables but cannot add an ip table (the UML guest)");
        assertEquals(IptablesBackend.NFT, ExecIptables.detect(new ScriptedRunner()
                .answer("iptables-nft-save", 0, "", "")
                .answer("nft -c add table ip", 0, "", "")));
    }
}
