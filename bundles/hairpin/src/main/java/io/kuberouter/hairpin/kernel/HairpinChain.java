package io.kuberouter.hairpin.kernel;

import io.kuberouter.hairpin.model.HairpinRule;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.exec.syntax.IptablesSave;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chain {@code KUBE-ROUTER-HAIRPIN} of the nat table and its jump
 * {@code -A POSTROUTING -m ipvs --vdir ORIGINAL -j KUBE-ROUTER-HAIRPIN} (behaviour inventory §3.6). When the rules
 * differ from the wanted ones the chain is refilled in one {@code --noflush} restore (declaring it flushes it),
 * with the jump appended if missing; with no rule wanted the jump and the chain are deleted, as upstream. Nothing
 * else in the nat table is touched.
 */
final class HairpinChain {

    static final String CHAIN = "KUBE-ROUTER-HAIRPIN";
    static final RuleSpec JUMP = new RuleSpec(List.of("-m", "ipvs", "--vdir", "ORIGINAL", "-j", CHAIN));

    private HairpinChain() {
    }

    /** @return true when it wrote */
    static boolean write(Iptables iptables, AddressFamily family, Set<HairpinRule> wanted) throws KernelException {
        IptablesTable nat = IptablesSave.parse(iptables.save(family, "nat")).getOrDefault("nat",
                IptablesTable.empty("nat"));
        boolean exists = nat.chain(CHAIN).isPresent();
        long jumps = nat.rules("POSTROUTING").stream().filter(JUMP::equals).count();
        StringBuilder lines = new StringBuilder();
        if (wanted.isEmpty()) {
            for (long i = 0; i < jumps; i++) {
                lines.append("-D POSTROUTING ").append(JUMP).append('\n');
            }
            if (exists) {
                lines.append("-F ").append(CHAIN).append('\n').append("-X ").append(CHAIN).append('\n');
            }
        } else {
            Set<RuleSpec> want = new HashSet<>();
            wanted.forEach(r -> want.add(new RuleSpec(r.args())));
            List<RuleSpec> current = nat.rules(CHAIN);
            if (!exists || current.size() != want.size() || !want.containsAll(current)) {
                lines.append(':').append(CHAIN).append(" - [0:0]\n");
                wanted.forEach(r -> lines.append("-A ").append(CHAIN).append(' ').append(new RuleSpec(r.args()))
                        .append('\n'));
            }
            for (long i = 1; i < jumps; i++) {
                lines.append("-D POSTROUTING ").append(JUMP).append('\n');
            }
            if (jumps == 0) {
                lines.append("-A POSTROUTING ").append(JUMP).append('\n');
            }
        }
        if (lines.isEmpty()) {
            return false;
        }
        iptables.restore(family, "nat", "*nat\n" + lines + "COMMIT\n", true);
        return true;
    }
}
