package io.kuberouter.firewall.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.firewall.FirewallOwnership;
import io.kuberouter.firewall.model.Chain;
import io.kuberouter.firewall.model.ChainKey;
import io.kuberouter.firewall.model.DesiredState;
import io.kuberouter.firewall.model.FamilyState;
import io.kuberouter.firewall.model.IpSet;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IpsetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The restore inputs, rendered from hand-made states. */
class ScriptsTest {

    private static final ChainKey POD = new ChainKey(ChainKey.Kind.POD, "x", "a");
    private static final Map<String, String> JUMPS = Map.of("INPUT", "-m comment --comment \"j\" -j KUBE-ROUTER-INPUT");

    @Test
    void anIncrementalRestoreDeclaresNewChainsEditsFixedOnesAndDropsOldVersions() {
        FamilyState before = state(List.of("-d 10.96.0.0/12 -j RETURN", "-s 1.1.1.1 -j KUBE-POD-FW-OLD",
                "-s 1.1.1.2 -j KUBE-POD-FW-B", "-j KUBE-NWPLCY-TAIL", "-j ACCEPT"), "KUBE-POD-FW-OLD");
        FamilyState after = state(List.of("-d 10.96.0.0/12 -j RETURN", "-s 1.1.1.1 -j KUBE-POD-FW-NEW",
                "-s 1.1.1.2 -j KUBE-POD-FW-B", "-j KUBE-NWPLCY-TAIL", "-j ACCEPT"), "KUBE-POD-FW-NEW");
        assertEquals("""
                *filter
                :KUBE-POD-FW-NEW - [0:0]
                :KUBE-POD-FW-OLD - [0:0]
                -A KUBE-POD-FW-NEW -j ACCEPT
                -D KUBE-ROUTER-INPUT -s 1.1.1.1 -j KUBE-POD-FW-OLD
                -I KUBE-ROUTER-INPUT 2 -s 1.1.1.1 -j KUBE-POD-FW-NEW
                -X KUBE-POD-FW-OLD
                COMMIT
                """, FilterRestore.sync(after, before, null));
        assertEquals("", FilterRestore.sync(after, after, null), "nothing changed");
    }

    @Test
    void aFullRestoreWritesEverythingRemovesStaleChainsAndRepairsTheJump() {
        KernelInventory kernel = KernelInventory.parse("""
                *filter
                :INPUT ACCEPT [0:0]
                :KUBE-POD-FW-STALE - [0:0]
                :OTHER - [0:0]
                -A INPUT -j OTHER
                -A INPUT -m comment --comment "j" -j KUBE-ROUTER-INPUT
                -A OTHER -j KUBE-POD-FW-STALE
                COMMIT
                """, FirewallOwnership.OWNERSHIP);
        String restore = FilterRestore.sync(state(List.of("-j ACCEPT"), "KUBE-POD-FW-A"), null, kernel);
        assertTrue(restore.contains(":KUBE-ROUTER-INPUT - [0:0]\n:KUBE-POD-FW-A - [0:0]\n:KUBE-POD-FW-STALE - [0:0]\n"),
                restore);
        assertTrue(restore.contains("-D INPUT -m comment --comment \"j\" -j KUBE-ROUTER-INPUT\n"
                + "-I INPUT 1 -m comment --comment \"j\" -j KUBE-ROUTER-INPUT\n-D OTHER -j KUBE-POD-FW-STALE\n"
                + "-X KUBE-POD-FW-STALE\nCOMMIT\n"), restore);
    }

    @Test
    void chainsAreEditedInPlaceOnlyWhenFewUniqueRulesChangeInOrder() {
        List<String> before = List.of("a", "b", "c", "d", "tail");
        assertEquals(Optional.of(List.of("-D C b", "-I C 3 e")), ChainEdits.of("C", before, List.of("a", "c", "e", "d",
                "tail")));
        assertEquals(Optional.empty(), ChainEdits.of("C", before, List.of("x", "y", "z", "tail")), "too many");
        assertEquals(Optional.empty(), ChainEdits.of("C", before, List.of("b", "a", "c", "d", "tail")), "reordered");
        assertEquals(Optional.empty(), ChainEdits.of("C", List.of("a", "a"), List.of("a")), "duplicates");
    }

    @Test
    void setsAreCreatedBySwapUpdatedByDeltaAndDestroyedAfterTheRules() {
        IpSet old = set("KUBE-SRC-A", "10.0.0.1", "10.0.0.2");
        DesiredState before = desired(old, set("KUBE-DST-GONE", "10.0.0.9"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("10.1." + i / 250 + "." + i % 250);
        }
        DesiredState after = desired(set("KUBE-SRC-A", "10.0.0.2", "10.0.0.3"), set("KUBE-DST-NEW", "10.0.0.4"),
                IpSet.of(IpsetSpec.of("KUBE-DST-BIG", "hash:ip", AddressFamily.INET), many),
                set("kube-router-local-pods", "10.0.0.2"));
        String first = IpsetScripts.before(after, before);
        assertTrue(first.contains("del KUBE-SRC-A 10.0.0.1\nadd KUBE-SRC-A 10.0.0.3\n"), first);
        assertTrue(first.contains("swap TMP-"), "new sets are swapped in: " + first);
        assertTrue(first.contains("create kube-router-local-pods hash:ip") && !first.contains("add kube-router-local"));
        String second = IpsetScripts.after(after, before, List.of("KUBE-SRC-OTHERS-RUN", "foreign"),
                FirewallOwnership.OWNERSHIP);
        assertTrue(second.contains(" 10.0.0.2\ncreate kube-router-local-pods") && second.contains("swap TMP-"), second);
        assertTrue(second.endsWith("destroy KUBE-SRC-OTHERS-RUN\ndestroy KUBE-DST-GONE\n"), second);
    }

    private static FamilyState state(List<String> inputRules, String podChain) {
        return new FamilyState(IpFamily.IPV4, Map.of(), List.of(new Chain("KUBE-ROUTER-INPUT", inputRules)),
                Map.of(POD, new Chain(podChain, List.of("-j ACCEPT"))), JUMPS);
    }

    private static IpSet set(String name, String... entries) {
        return IpSet.of(IpsetSpec.of(name, "hash:ip", AddressFamily.INET), List.of(entries));
    }

    private static DesiredState desired(IpSet... sets) {
        Map<String, IpSet> byName = new TreeMap<>();
        for (IpSet s : sets) {
            byName.put(s.name(), s);
        }
        return new DesiredState("1", 1, Map.of(IpFamily.IPV4, new FamilyState(IpFamily.IPV4, byName, List.of(),
                Map.of(), JUMPS)), List.of());
    }
}
