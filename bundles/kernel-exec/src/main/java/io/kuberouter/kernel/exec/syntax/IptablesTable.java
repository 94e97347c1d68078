package io.kuberouter.kernel.exec.syntax;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One table: chains in {@code iptables-save} order (built-in chains first, then user chains by name).
 */
public record IptablesTable(String name, Map<String, IptablesChain> chains) {

    private static final Map<String, List<String>> BUILTIN = Map.of(
            "filter", List.of("INPUT", "FORWARD", "OUTPUT"),
            "nat", List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
            "mangle", List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"),
            "raw", List.of("PREROUTING", "OUTPUT"),
            "security", List.of("INPUT", "FORWARD", "OUTPUT"));

    public IptablesTable {
        Objects.requireNonNull(name, "name");
        chains = Collections.unmodifiableMap(new LinkedHashMap<>(chains));
    }

    /** A fresh table: its built-in chains, empty, policy ACCEPT. */
    public static IptablesTable empty(String name) {
        Map<String, IptablesChain> chains = new LinkedHashMap<>();
        for (String c : builtinChains(name)) {
            chains.put(c, new IptablesChain(c, "ACCEPT", 0, 0, List.of()));
        }
        return new IptablesTable(name, chains);
    }

    /**
     * Built-in chains of a table.
     *
     * @throws IllegalArgumentException for an unknown table
     */
    public static List<String> builtinChains(String table) {
        List<String> chains = BUILTIN.get(table);
        if (chains == null) {
            throw new IllegalArgumentException("unknown table " + table);
        }
        return chains;
    }

    public Optional<IptablesChain> chain(String chainName) {
        return Optional.ofNullable(chains.get(chainName));
    }

    /** Rules of a chain, empty if the chain does not exist. */
    public List<RuleSpec> rules(String chainName) {
        return chain(chainName).map(IptablesChain::rules).orElse(List.of());
    }

    /** Total number of rules in all chains. */
    public int ruleCount() {
        return chains.values().stream().mapToInt(c -> c.rules().size()).sum();
    }

    /** The table in {@code iptables-restore} format, ending with {@code COMMIT}. */
    public String render() {
        StringBuilder sb = new StringBuilder("*").append(name).append('\n');
        for (IptablesChain c : chains.values()) {
            sb.append(':').append(c.name()).append(' ').append(c.policy())
                    .append(" [").append(c.packets()).append(':').append(c.bytes()).append("]\n");
        }
        for (IptablesChain c : chains.values()) {
            for (RuleSpec r : c.rules()) {
                sb.append("-A ").append(c.name()).append(' ').append(r).append('\n');
            }
        }
        return sb.append("COMMIT\n").toString();
    }
}
