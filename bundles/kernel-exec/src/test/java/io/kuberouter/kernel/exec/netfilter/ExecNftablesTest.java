package io.kuberouter.kernel.exec.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.netfilter.RestoreException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecNftablesTest {

    @Test
    void applyStreamsTheScriptToOneNftProcess() throws Exception {
        ScriptedRunner runner = new ScriptedRunner().answer("nft -f -", 0, "", "");
        new ExecNftables(runner, Duration.ofSeconds(5)).apply("add table inet t\n");
        assertEquals(List.of("nft -f -"), runner.commands);
        assertEquals("add table inet t\n", runner.stdins.get(0));
    }

    @Test
    void aRejectedScriptNamesItsLine() {
        ScriptedRunner runner = new ScriptedRunner().answer("nft -f -", 1, "",
                "/dev/stdin:2:1-30: Error: Could not process rule: No such file or directory\n"
                        + "add rule inet t missing counter\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n");
        RestoreException e = assertThrows(RestoreException.class, () -> new ExecNftables(runner,
                Duration.ofSeconds(5)).apply("add table inet t\nadd rule inet t missing counter\n"));
        assertEquals(2, e.line());
        assertEquals("add rule inet t missing counter", e.lineText());
        assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
    }

    @Test
    void aMissingTableListsAsEmptyAndDeletingItIsOneTransaction() throws Exception {
        ScriptedRunner runner = new ScriptedRunner()
                .answer("nft list table inet t", 1, "", "Error: No such file or directory\nlist table inet t\n")
                .answer("nft -f -", 0, "", "");
        ExecNftables nft = new ExecNftables(runner, Duration.ofSeconds(5));
        assertTrue(nft.listTable("inet", "t").isEmpty());
        nft.deleteTable("inet", "t");
        assertEquals("add table inet t\ndelete table inet t\n", runner.stdins.get(1));
        assertThrows(IllegalArgumentException.class, () -> nft.listTable("inet", "t; flush ruleset"));
    }

    @Test
    void deletingOnAKernelWithoutNfTablesForTheFamilyIsDoneButOtherRefusalsAreNot() throws Exception {
        ScriptedRunner unsupported = new ScriptedRunner().answer("nft -f -", 1, "",
                "/dev/stdin:1:1-27: Error: Could not process rule: Operation not supported\n");
        new ExecNftables(unsupported, Duration.ofSeconds(5)).deleteTable("inet", "t");
        ScriptedRunner busy = new ScriptedRunner().answer("nft -f -", 1, "",
                "/dev/stdin:2:1-30: Error: Could not process rule: Device or resource busy\n");
        assertThrows(RestoreException.class, () -> new ExecNftables(busy, Duration.ofSeconds(5))
                .deleteTable("inet", "t"));
    }
}
