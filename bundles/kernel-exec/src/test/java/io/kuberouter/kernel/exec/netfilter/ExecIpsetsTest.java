package io.kuberouter.kernel.exec.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecIpsetsTest {

    @Test
    void restoreStreamsTheScriptToOneProcess() throws Exception {
        ScriptedRunner runner = new ScriptedRunner().answer("ipset restore -exist", 0, "", "");
        new ExecIpsets(runner, Duration.ofSeconds(5)).restore("create a hash:ip\nadd a 1.2.3.4\n");
        assertEquals(List.of("ipset restore -exist"), runner.commands);
        assertEquals("create a hash:ip\nadd a 1.2.3.4\n", runner.stdins.get(0));
    }

    @Test
    void failingRestoreNamesTheLine() {
        ScriptedRunner runner = new ScriptedRunner().answer("ipset restore", 1, "",
                "ipset v7.17: Error in line 2: The set with the given name does not exist\n");
        RestoreException e = assertThrows(RestoreException.class,
                () -> new ExecIpsets(runner, Duration.ofSeconds(5)).restore("create a hash:ip\nadd b 1.1.1.1\n"));
        assertEquals(2, e.line());
        assertEquals("add b 1.1.1.1", e.lineText());
    }

    @Test
    void saveOfMissingSetIsEnoentAndNamesAreListed() throws Exception {
        ScriptedRunner runner = new ScriptedRunner()
                .answer("ipset save nosuch", 1, "", "ipset v7.17: The set with the given name does not exist\n")
                .answer("ipset list -n", 0, "a\nb\n", "");
        ExecIpsets ipsets = new ExecIpsets(runner, Duration.ofSeconds(5));
        assertEquals(true, assertThrows(KernelException.class, () -> ipsets.save("nosuch")).is(Errno.ENOENT));
        assertEquals(List.of("a", "b"), ipsets.names());
    }
}
