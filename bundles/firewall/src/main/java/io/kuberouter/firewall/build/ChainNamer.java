package io.kuberouter.firewall.build;

import io.kuberouter.firewall.model.Chain;
import io.kuberouter.firewall.model.ChainKey;
import io.kuberouter.firewall.model.FamilyState;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Versions the policy and pod chains of one family. Upstream renames every such chain on every sync (its name
 * hashes the sync version) and writes the whole table; here a chain keeps the name (and so the version) of the
 * previous state as long as its rules are unchanged, and only a changed or new chain is named after the current
 * sync version. Because a pod chain's rules name the policy chains it jumps to, a renamed policy chain renames its
 * pods' chains, and a renamed pod chain rewrites the top-level chains: each sync's changes are complete new chains
 * switched in by one restore.
 */
final class ChainNamer {

    private final Map<ChainKey, Chain> previous;
    private final String version;

    /**
     * @param previous the state last written, {@code null} to name every chain after {@code version}
     */
    ChainNamer(FamilyState previous, String version) {
        this.previous = previous == null ? Map.of() : previous.versioned();
        this.version = version;
    }

    /**
     * @param nameOfVersion the chain's name for a version
     */
    Chain name(ChainKey key, List<String> rules, UnaryOperator<String> nameOfVersion) {
        Chain before = previous.get(key);
        if (before != null && before.rules().equals(rules)) {
            return before;
        }
        return new Chain(nameOfVersion.apply(version), rules);
    }
}
