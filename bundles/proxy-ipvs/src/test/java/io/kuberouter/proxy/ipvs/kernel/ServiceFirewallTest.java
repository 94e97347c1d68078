package io.kuberouter.proxy.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.kernel.exec.syntax.IptablesSave;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceFirewallTest {

    private static final String JUMP = "-A INPUT -m comment --comment \"handle traffic to IPVS service IPs in custom "
            + "chain\" -m set --match-set kube-router-svip dst -j KUBE-ROUTER-SERVICES";

    @Test
    void guardChainIsRewrittenAndTheJumpInsertedOnceAtTheTop() {
        String first = ServiceFirewall.filter(IpFamily.IPV4, IptablesTable.empty("filter"), true);
        assertEquals("""
                *filter
                :KUBE-ROUTER-SERVICES - [0:0]
                -A KUBE-ROUTER-SERVICES -m comment --comment "allow icmp echo requests to service IPs" -p icmp -m icmp --icmp-type 8 -j ACCEPT
                -A KUBE-ROUTER-SERVICES -m comment --comment "allow icmp ttl exceeded messages to service IPs" -p icmp -m icmp --icmp-type 11 -j ACCEPT
                -A KUBE-ROUTER-SERVICES -m comment --comment "allow icmp destination unreachable messages to service IPs" -p icmp -m icmp --icmp-type 3 -j ACCEPT
                -A KUBE-ROUTER-SERVICES -m comment --comment "allow input traffic to ipvs services" -m set --match-set kube-router-svip-prt dst,dst -j ACCEPT
                -A KUBE-ROUTER-SERVICES -m comment --comment "reject all unexpected traffic to service IPs" -m set ! --match-set kube-router-local-ips dst -j REJECT --reject-with icmp-port-unreachable
                -I INPUT 1 -m comment --comment "handle traffic to IPVS service IPs in custom chain" -m set --match-set kube-router-svip dst -j KUBE-ROUTER-SERVICES
                COMMIT
                """, first);
        IptablesTable withJump = table("*filter\n:INPUT ACCEPT [0:0]\n:KUBE-ROUTER-SERVICES - [0:0]\n" + JUMP + "\n" + JUMP + "\nCOMMIT\n", "filter");
        String again = ServiceFirewall.filter(IpFamily.IPV4, withJump, true);
        assertTrue(!again.contains("-I INPUT") && again.contains("-D INPUT -m comment"), again);
    }

    @Test
    void ipv6UsesItsSetsAndIcmpv6AndWithoutPermitAllTheChainStaysEmpty() {
        String v6 = ServiceFirewall.filter(IpFamily.IPV6, IptablesTable.empty("filter"), true);
        assertTrue(v6.contains("--match-set inet6:kube-router-svip-prt dst,dst") && v6.contains("--icmpv6-type 135")
                && v6.contains("icmp6-port-unreachable") && v6.contains("inet6:kube-router-svip dst"), v6);
        IptablesTable withJump = table("*filter\n:INPUT ACCEPT [0:0]\n:KUBE-ROUTER-SERVICES - [0:0]\n" + JUMP + "\nCOMMIT\n", "filter");
        assertEquals("*filter\n:KUBE-ROUTER-SERVICES - [0:0]\n-D INPUT " + JUMP.substring("-A INPUT ".length())
                + "\nCOMMIT\n", ServiceFirewall.filter(IpFamily.IPV4, withJump, false));
    }

    @Test
    void masqueradeRulesPerPodCidrPlusCatchAllInSavedFormAndStaleShapesFound() {
        List<RuleSpec> wanted = ServiceFirewall.masquerade("10.99.0.1", List.of("10.244.1.0/24"), true);
        assertEquals(List.of("-m ipvs --vdir ORIGINAL --vmethod MASQ -m comment --comment \"\" -j SNAT "
                        + "--to-source 10.99.0.1 --random-fully",
                "! -s 10.244.1.0/24 ! -d 10.244.1.0/24 -m ipvs --vdir ORIGINAL --vmethod MASQ -m comment --comment "
                        + "\"\" -j SNAT --to-source 10.99.0.1 --random-fully"),
                wanted.stream().map(RuleSpec::toString).toList());
        RuleSpec oldForm = RuleSpec.parse("-m ipvs --vdir ORIGINAL --vmethod MASQ -m comment --comment \"\" "
                + "-j MASQUERADE");
        IptablesTable saved = table("*nat\n:POSTROUTING ACCEPT [0:0]\n:KUBE-ROUTER-HAIRPIN - [0:0]\n"
                + "-A POSTROUTING " + oldForm + "\n-A POSTROUTING -m ipvs --vdir ORIGINAL -j KUBE-ROUTER-HAIRPIN\n"
                + "-A POSTROUTING " + wanted.get(1) + "\n-A POSTROUTING " + wanted.get(1) + "\nCOMMIT\n", "nat");
        assertEquals(List.of(oldForm, wanted.get(1)), ServiceFirewall.staleMasquerade(saved, wanted));
        assertEquals(List.of(wanted.get(0)), ServiceFirewall.missingMasquerade(saved, wanted));
    }

    @Test
    void kubeRoutersOwnFormCarriesTheIpvsFlagForDeletion() {
        RuleSpec saved = RuleSpec.parse("! -s 10.244.1.0/24 ! -d 10.244.1.0/24 -m ipvs --vdir ORIGINAL --vmethod MASQ "
                + "-m comment --comment \"\" -j SNAT --to-source 10.99.0.1");
        assertEquals("! -s 10.244.1.0/24 ! -d 10.244.1.0/24 -m ipvs --ipvs --vdir ORIGINAL --vmethod MASQ -m comment "
                + "--comment \"\" -j SNAT --to-source 10.99.0.1", ServiceFirewall.withIpvsFlag(saved).toString());
        assertEquals(ServiceFirewall.withIpvsFlag(saved), ServiceFirewall.withIpvsFlag(ServiceFirewall.withIpvsFlag(saved)));
    }

    @Test
    void removalDropsTheJumpAndTheChainOnly() {
        IptablesTable saved = table("*filter\n:INPUT ACCEPT [0:0]\n:KUBE-ROUTER-SERVICES - [0:0]\n" + JUMP
                + "\n-A INPUT -j ACCEPT\nCOMMIT\n", "filter");
        assertEquals("*filter\n-D INPUT " + JUMP.substring("-A INPUT ".length())
                + "\n-F KUBE-ROUTER-SERVICES\n-X KUBE-ROUTER-SERVICES\nCOMMIT\n",
                ServiceFirewall.removeFilter(IpFamily.IPV4, saved));
        assertEquals("", ServiceFirewall.removeFilter(IpFamily.IPV4, IptablesTable.empty("filter")));
    }

    private static IptablesTable table(String save, String name) {
        return IptablesSave.parse(save).get(name);
    }
}
