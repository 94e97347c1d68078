package io.kuberouter.kernel.exec.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.exec.netfilter.ExecIpsets;
import io.kuberouter.kernel.exec.netfilter.ExecIptables;
import io.kuberouter.kernel.exec.syntax.IptablesSave;
import io.kuberouter.kernel.exec.syntax.IptablesScript;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.kernel.exec.syntax.TableEditor;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * iptables-restore/-save through {@link ExecIptables} against the real kernel, legacy and nft, in a
 * fresh namespace; the kernel's result is also compared with the pure-Java model ({@link TableEditor})
 * that the fakes use.
 */
class IptablesRestoreIT {

    private static final String FILTER = """
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            :KUBE-ROUTER-INPUT - [0:0]
            :KUBE-ROUTER-SERVICES - [0:0]
            -A INPUT -m comment --comment "kube-router netpol - 4IA2OSFRMVNDXBVV" -j KUBE-ROUTER-INPUT
            -A INPUT -m set --match-set kube-router-svip dst -j KUBE-ROUTER-SERVICES
            -A KUBE-ROUTER-INPUT -d %s -m comment --comment "allow traffic to primary cluster IP range" -j RETURN
            -A KUBE-ROUTER-INPUT -p tcp -m addrtype --dst-type LOCAL -m multiport --dports 30000:32767 -j RETURN
            -A KUBE-ROUTER-SERVICES -p tcp --dport 443 -j ACCEPT
            -A KUBE-ROUTER-SERVICES -m set ! --match-set kube-router-local-ips dst -j REJECT --reject-with %s
            COMMIT
            """;

    private TestNetns ns;

    @BeforeEach
    void createNamespace() throws Exception {
        ns = TestNetns.create();
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        ns.close();
    }

    private ExecIptables iptables(IptablesBackend backend) {
        return new ExecIptables(ns.runner(), backend, Duration.ofSeconds(60), 10);
    }

    private void createSets(AddressFamily family) throws Exception {
        String fam = family == AddressFamily.INET ? "inet" : "inet6";
        new ExecIpsets(ns.runner(), Duration.ofSeconds(60)).restore("create kube-router-svip hash:ip family " + fam
                + "\ncreate kube-router-local-ips hash:ip family " + fam + "\n");
    }

    private static String filter(AddressFamily family) {
        return family == AddressFamily.INET ? FILTER.formatted("10.96.0.0/12", "icmp-port-unreachable")
                : FILTER.formatted("fd00:10:96::/108", "icmp6-port-unreachable");
    }

    @ParameterizedTest
    @EnumSource(IptablesBackend.class)
    void roundTripMatchesTheModelForBothFamilies(IptablesBackend backend) throws Exception {
        for (AddressFamily family : AddressFamily.values()) {
            createSets(family);
            ExecIptables iptables = iptables(backend);
            iptables.restore(family, "filter", filter(family), false);
            IptablesTable saved = IptablesSave.parse(iptables.save(family, "filter")).get("filter");
            assertEquals(model(IptablesTable.empty("filter"), filter(family), false), saved, backend + " " + family);
            iptables.restore(family, "filter", saved.render(), false);
            assertEquals(saved, IptablesSave.parse(iptables.save(family, "filter")).get("filter"));
            new ExecIpsets(ns.runner(), Duration.ofSeconds(60)).restore("flush\n");
            iptables.restore(family, "filter", "*filter\nCOMMIT\n", false);
            new ExecIpsets(ns.runner(), Duration.ofSeconds(60)).restore("destroy\n");
        }
    }

    @ParameterizedTest
    @EnumSource(IptablesBackend.class)
    void noflushSemanticsMatchTheModel(IptablesBackend backend) throws Exception {
        String first = "*nat\n:POSTROUTING ACCEPT [0:0]\n:KUBE-ROUTER-HAIRPIN - [0:0]\n:OTHER - [0:0]\n"
                + "-A POSTROUTING -j KUBE-ROUTER-HAIRPIN\n-A KUBE-ROUTER-HAIRPIN -s 10.1.0.5 -d 10.1.0.5 -j SNAT "
                + "--to-source 10.96.0.10\n-A OTHER -j RETURN\nCOMMIT\n";
        String second = "*nat\n:POSTROUTING - [0:0]\n:KUBE-ROUTER-HAIRPIN - [0:0]\n-A POSTROUTING -j RETURN\n"
                + "-A KUBE-ROUTER-HAIRPIN -s 10.1.0.6/32 -d 10.1.0.6/32 -j SNAT --to-source 10.96.0.10\nCOMMIT\n";
        ExecIptables iptables = iptables(backend);
        iptables.restore(AddressFamily.INET, "nat", first, false);
        iptables.restore(AddressFamily.INET, "nat", second, true);
        IptablesTable expected = model(model(IptablesTable.empty("nat"), first, false), second, true);
        assertEquals(expected, IptablesSave.parse(iptables.save(AddressFamily.INET, "nat")).get("nat"));
    }

    @ParameterizedTest
    @EnumSource(IptablesBackend.class)
    void failingRestoreReportsTheLineAndKeepsThePreviousRuleset(IptablesBackend backend) throws Exception {
        createSets(AddressFamily.INET);
        ExecIptables iptables = iptables(backend);
        iptables.restore(AddressFamily.INET, "filter", filter(AddressFamily.INET), false);
        String before = iptables.save(AddressFamily.INET, "filter");
        String bad = "*filter\n:KUBE-ROUTER-INPUT - [0:0]\n-A KUBE-ROUTER-INPUT -j ACCEPT\n"
                + "-A KUBE-ROUTER-INPUT -s 10.0.0.x -j DROP\nCOMMIT\n";
        RestoreException e = assertThrows(RestoreException.class,
                () -> iptables.restore(AddressFamily.INET, "filter", bad, true));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals("-A KUBE-ROUTER-INPUT -s 10.0.0.x -j DROP", e.lineText());
        assertEquals(IptablesSave.parse(before), IptablesSave.parse(iptables.save(AddressFamily.INET, "filter")));
        RestoreException missingChain = assertThrows(RestoreException.class, () -> iptables.restore(
                AddressFamily.INET, "filter", "*filter\n-A INPUT -j ACCEPT\n-A INPUT -j KUBE-NOPE\nCOMMIT\n", false));
        assertEquals(3, missingChain.line(), missingChain.getMessage());
        assertEquals(IptablesSave.parse(before), IptablesSave.parse(iptables.save(AddressFamily.INET, "filter")));
    }

    @ParameterizedTest
    @EnumSource(IptablesBackend.class)
    void detectionFindsTheBackendInUse(IptablesBackend backend) throws Exception {
        iptables(backend).restore(AddressFamily.INET, "filter",
                "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j ACCEPT\nCOMMIT\n", false);
        assertEquals(backend, ExecIptables.detect(ns.runner()));
    }

    private static IptablesTable model(IptablesTable start, String script, boolean noflush) {
        return TableEditor.apply(start, IptablesScript.parse(script).get(0), noflush, set -> true);
    }
}
