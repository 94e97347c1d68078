package io.kuberouter.hairpin.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.hairpin.model.HairpinRule;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.testing.FakeKernel;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HairpinChainTest {

    private final FakeKernel kernel = new FakeKernel();

    @Test
    void theChainAndJumpAreWrittenOnceThenAdoptedAndRemovedWhenNoRuleIsLeft() throws Exception {
        kernel.iptables().restore(AddressFamily.INET, "nat",
                "*nat\n:FOREIGN - [0:0]\n-A POSTROUTING -o eth9 -j MASQUERADE\nCOMMIT\n", true);
        Set<HairpinRule> rules = Set.of(new HairpinRule("10.244.1.10", "10.96.0.30", 80));

        assertTrue(HairpinChain.write(kernel.iptables(), AddressFamily.INET, rules));
        String nat = kernel.iptables().save(AddressFamily.INET, "nat");
        assertTrue(nat.contains("-A KUBE-ROUTER-HAIRPIN -s 10.244.1.10/32 -d 10.244.1.10/32 -m ipvs --vaddr "
                + "10.96.0.30 --vport 80 -j SNAT --to-source 10.96.0.30"), nat);
        assertEquals(1, nat.lines()
                .filter(l -> l.equals("-A POSTROUTING -m ipvs --vdir ORIGINAL -j KUBE-ROUTER-HAIRPIN")).count(), nat);
        assertFalse(HairpinChain.write(kernel.iptables(), AddressFamily.INET, rules), "adopted: nothing to write");

        assertTrue(HairpinChain.write(kernel.iptables(), AddressFamily.INET, Set.of()));
        nat = kernel.iptables().save(AddressFamily.INET, "nat");
        assertFalse(nat.contains("KUBE-ROUTER-HAIRPIN"), nat);
        assertTrue(nat.contains(":FOREIGN") && nat.contains("-A POSTROUTING -o eth9 -j MASQUERADE"), nat);
    }
}
