package io.kuberouter.kernel.exec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IpsetBatch;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpsetEditorTest {

    @Test
    void parsesRealSaveOutputDroppingKernelChosenOptions() {
        List<IpsetContent> sets = IpsetEditor.parseSave("""
                create kube-router-svip-prt hash:ip,port family inet hashsize 1024 maxelem 65536 timeout 0 bucketsize 12 initval 0x5fabf829
                add kube-router-svip-prt 10.96.0.10,udp:53 timeout 0
                add kube-router-svip-prt 10.96.0.1,tcp:443 timeout 0
                create inet6:kube-router-svip hash:ip family inet6 hashsize 1024 maxelem 65536
                add inet6:kube-router-svip fd00::a
                """);
        assertEquals(2, sets.size());
        IpsetContent prt = sets.get(0);
        assertEquals(List.of("family", "inet", "hashsize", "1024", "maxelem", "65536", "timeout", "0"), prt.options());
        assertEquals(List.of("10.96.0.10,udp:53 timeout 0", "10.96.0.1,tcp:443 timeout 0"), prt.entries());
        assertEquals(List.of("fd00::a"), sets.get(1).entries());
    }

    @Test
    void replaceBatchSwapsContentsAtomically() {
        IpsetEditor editor = new IpsetEditor(set -> false);
        IpsetSpec spec = new IpsetSpec("kube-router-svip", "hash:ip", AddressFamily.INET, 1024, 65536,
                java.util.OptionalInt.empty());
        editor.apply(IpsetScript.parse(new IpsetBatch().replace(spec, List.of("10.0.0.1", "10.0.0.2")).script()), true);
        editor.apply(IpsetScript.parse(new IpsetBatch().replace(spec, List.of("10.0.0.3")).script()), true);
        assertEquals(List.of("kube-router-svip"), editor.names());
        assertEquals(List.of("10.0.0.3"), editor.snapshot().get(0).entries());
    }

    @Test
    void firstFailingLineStopsTheScriptKeepingEarlierCommands() {
        IpsetEditor editor = new IpsetEditor(set -> set.equals("busy"));
        ScriptException e = assertThrows(ScriptException.class, () -> editor.apply(IpsetScript.parse("""
                create a hash:ip
                add a 1.2.3.4
                add b 1.1.1.1
                add a 5.6.7.8
                """), true));
        assertEquals(3, e.line());
        assertEquals("The set with the given name does not exist", e.reason());
        assertEquals(List.of(), editor.snapshot().get(0).entries(), "the add run before the failure is dropped");
        editor.apply(IpsetScript.parse("add a 1.2.3.4\ncreate c hash:ip\n"), true);
        editor.apply(IpsetScript.parse("add a 1.2.3.4\ndel a 9.9.9.9\ncreate a hash:ip\n"), true);
        assertThrows(ScriptException.class, () -> editor.apply(IpsetScript.parse("add a 1.2.3.4\n"), false));
        assertThrows(ScriptException.class, () -> editor.apply(IpsetScript.parse("add a 1.2.3.x\n"), true));
        assertThrows(ScriptException.class, () -> editor.apply(IpsetScript.parse("create a hash:net\n"), true));
        editor.apply(IpsetScript.parse("create busy hash:ip\n"), true);
        assertThrows(ScriptException.class, () -> editor.apply(IpsetScript.parse("destroy busy\n"), true));
    }

    @Test
    void swapNeedsSameTypeAndFamily() {
        IpsetEditor editor = new IpsetEditor(set -> false);
        editor.apply(IpsetScript.parse("create a hash:ip\ncreate b hash:net\ncreate c hash:ip family inet6\n"), true);
        assertThrows(ScriptException.class, () -> editor.apply(IpsetScript.parse("swap a b\n"), true));
        assertThrows(ScriptException.class, () -> editor.apply(IpsetScript.parse("swap a c\n"), true));
    }
}
