package io.kuberouter.kernel.exec.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IpsetBatch;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.exec.netfilter.ExecIpsets;
import io.kuberouter.kernel.exec.syntax.IpsetContent;
import io.kuberouter.kernel.exec.syntax.IpsetEditor;
import io.kuberouter.kernel.exec.syntax.IpsetScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ipset restore} through {@link ExecIpsets} against the real kernel in a fresh namespace. */
class IpsetRestoreIT {

    private static final int ENTRIES = 100_000;

    private TestNetns ns;
    private ExecIpsets ipsets;

    @BeforeEach
    void createNamespace() throws Exception {
        ns = TestNetns.create();
        ipsets = new ExecIpsets(ns.runner(), Duration.ofSeconds(120));
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        ns.close();
    }

    /** Entries {@code 10.x.y.z} numbered from {@code offset}. */
    static List<String> addresses(int offset, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = offset; i < offset + count; i++) {
            out.add("10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff));
        }
        return out;
    }

    /** A hash:ip set large enough for the benchmark and this test. */
    static IpsetSpec bigSet(String name) {
        return new IpsetSpec(name, "hash:ip", AddressFamily.INET, 65536, 262144, OptionalInt.of(0));
    }

    @Test
    void restoreAndSwapOf100kEntries() throws Exception {
        IpsetSpec spec = bigSet("kube-router-svip");
        ipsets.restore(new IpsetBatch().replace(spec, addresses(0, ENTRIES)).script());
        assertEquals(new HashSet<>(addresses(0, ENTRIES)), entries(spec.name()));

        ipsets.restore(new IpsetBatch().replace(spec, addresses(ENTRIES / 2, ENTRIES)).script());
        assertEquals(new HashSet<>(addresses(ENTRIES / 2, ENTRIES)), entries(spec.name()));
        assertEquals(List.of(spec.name()), ipsets.names());

        ipsets.restore(new IpsetBatch().destroy(spec.name()).script());
        assertEquals(List.of(), ipsets.names());
    }

    @Test
    void failingRestoreNamesTheLineAndMatchesTheModel() throws Exception {
        String script = "create a hash:ip\nadd a 10.0.0.1\ncreate c hash:ip\nadd c 10.0.0.9\nadd c 10.0.0.10\n"
                + "add missing 10.0.0.2\nadd a 10.0.0.3\n";
        RestoreException e = assertThrows(RestoreException.class, () -> ipsets.restore(script));
        assertEquals(6, e.line(), e.getMessage());
        assertEquals("add missing 10.0.0.2", e.lineText());
        IpsetEditor model = new IpsetEditor(set -> false);
        assertThrows(IllegalArgumentException.class, () -> model.apply(IpsetScript.parse(script), true));
        assertEquals(sorted(model.snapshot()), sorted(IpsetEditor.parseSave(ipsets.save())));
        assertEquals(Set.of("10.0.0.1"), entries("a"));
    }

    @Test
    void saveOutputMatchesTheModel() throws Exception {
        String script = """
                create kube-router-svip-prt hash:ip,port family inet hashsize 1024 maxelem 65536 timeout 0
                add kube-router-svip-prt 10.96.0.10,udp:53
                add kube-router-svip-prt 10.96.0.1,443
                create KUBE-SRC-ABC hash:net family inet hashsize 1024 maxelem 65536
                add KUBE-SRC-ABC 10.244.1.7/32
                add KUBE-SRC-ABC 10.244.2.9/24
                create inet6:kube-router-svip hash:ip family inet6 hashsize 1024 maxelem 65536
                add inet6:kube-router-svip fd00:0:0::a
                """;
        ipsets.restore(script);
        IpsetEditor model = new IpsetEditor(set -> false);
        model.apply(IpsetScript.parse(script), true);
        assertEquals(sorted(model.snapshot()), sorted(IpsetEditor.parseSave(ipsets.save())));
    }

    private HashSet<String> entries(String set) throws Exception {
        List<IpsetContent> saved = IpsetEditor.parseSave(ipsets.save(set));
        return new HashSet<>(saved.get(0).entries().stream().map(e -> e.split(" ")[0]).toList());
    }

    private static List<IpsetContent> sorted(List<IpsetContent> sets) {
        return sets.stream().map(s -> new IpsetContent(s.name(), s.type(), s.options(),
                s.entries().stream().sorted().toList())).sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
