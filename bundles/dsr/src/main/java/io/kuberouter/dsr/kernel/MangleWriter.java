package io.kuberouter.dsr.kernel;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.Iptables;
import io.kuberouter.kernel.exec.syntax.IptablesSave;
import io.kuberouter.kernel.exec.syntax.IptablesTable;
import io.kuberouter.kernel.exec.syntax.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Brings DSR's rules in mangle PREROUTING and OUTPUT to the wanted ones in one {@code --noflush} restore
 * (deletes of stale and duplicate rules, appends of missing ones: committed together or not at all). Rules of
 * other shapes in these chains are never touched, and a stale rule only when {@code deletable} accepts it.
 */
final class MangleWriter {

    private static final List<String> CHAINS = List.of("PREROUTING", "OUTPUT");

    private MangleWriter() {
    }

    /**
     * @param deletable the stale rules it may delete (while the owners' prune gate is closed: only those this
     *        process wrote)
     * @return true when it wrote
     */
    static boolean write(Iptables iptables, AddressFamily family, Set<MangleRule> wanted,
            Predicate<MangleRule> deletable) throws KernelException {
        IptablesTable table = IptablesSave.parse(iptables.save(family, "mangle"))
                .getOrDefault("mangle", IptablesTable.empty("mangle"));
        StringBuilder lines = new StringBuilder();
        Set<MangleRule> present = new HashSet<>();
        for (String chain : CHAINS) {
            for (RuleSpec spec : table.rules(chain)) {
                MangleRule.parse(chain, spec).ifPresent(rule -> {
                    boolean stale = !wanted.contains(rule);
                    if (stale && deletable.test(rule) || !stale && !present.add(rule)) {
                        lines.append("-D ").append(chain).append(' ').append(spec).append('\n');
                    }
                });
            }
        }
        List<MangleRule> missing = new ArrayList<>(new LinkedHashSet<>(wanted));
        missing.removeAll(present);
        missing.forEach(r -> lines.append("-A ").append(r.chain()).append(' ').append(r.spec()).append('\n'));
        if (lines.isEmpty()) {
            return false;
        }
        iptables.restore(family, "mangle", "*mangle\n" + lines + "COMMIT\n", true);
        return true;
    }
}
