package io.kuberouter.firewall.kernel;

import io.kuberouter.api.capability.KernelOwnership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the kernel's filter table of one family holds of the firewall's, read from one {@code iptables-save}: the
 * chains it owns (by {@link KernelOwnership} prefix) and the rules of other chains that jump into them.
 */
final class KernelInventory {

    /**
     * A rule of a chain the firewall does not own that jumps to one it owns.
     *
     * @param chain the chain holding the rule, e.g. {@code INPUT}
     * @param position its 1-based position in that chain
     * @param rule its arguments as saved (after {@code -A CHAIN})
     * @param target the owned chain it jumps to
     */
    record Reference(String chain, int position, String rule, String target) {
    }

    private final Set<String> ownedChains = new LinkedHashSet<>();
    private final List<Reference> references = new ArrayList<>();

    private KernelInventory() {
    }

    /** Parses {@code iptables-save -t filter} output. */
    static KernelInventory parse(String save, KernelOwnership ownership) {
        KernelInventory inventory = new KernelInventory();
        Map<String, Integer> positions = new HashMap<>();
        for (String line : (Iterable<String>) save.lines()::iterator) {
            if (line.startsWith(":")) {
                String chain = line.substring(1).split("\\s+", 2)[0];
                if (ownership.ownsChain(chain)) {
                    inventory.ownedChains.add(chain);
                }
            } else if (line.startsWith("-A ")) {
                String[] parts = line.split("\\s+", 3);
                int position = positions.merge(parts[1], 1, Integer::sum);
                String rule = parts.length > 2 ? parts[2] : "";
                String target = SaveLine.target(SaveLine.split(rule));
                if (!ownership.ownsChain(parts[1]) && ownership.ownsChain(target)) {
                    inventory.references.add(new Reference(parts[1], position, rule, target));
                }
            }
        }
        return inventory;
    }

    /**
     * This inventory as if the kernel held no chain of the firewall's: a sync given it repairs the jumps and
     * removes no chain it did not write itself (no pruning while the owners' gate is closed).
     */
    KernelInventory withoutStaleChains() {
        KernelInventory inventory = new KernelInventory();
        inventory.references.addAll(references);
        return inventory;
    }

    /** Every chain the firewall owns that exists. */
    Set<String> ownedChains() {
        return ownedChains;
    }

    /** Every rule outside the firewall's chains that jumps into them, in save order. */
    List<Reference> references() {
        return references;
    }
}
