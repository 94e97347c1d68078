package io.kuberouter.kernel.exec.syntax;

import java.util.List;
import java.util.Objects;

/**
 * A chain as {@code iptables-save} shows it.
 *
 * @param name chain name
 * @param policy {@code ACCEPT}/{@code DROP} for built-in chains, {@code -} for user chains
 * @param packets policy counter (packets)
 * @param bytes policy counter (bytes)
 * @param rules rules in order
 */
public record IptablesChain(String name, String policy, long packets, long bytes, List<RuleSpec> rules) {

    public IptablesChain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        rules = List.copyOf(rules);
    }

    /** An empty user chain. */
    public static IptablesChain user(String name) {
        return new IptablesChain(name, "-", 0, 0, List.of());
    }

    public boolean isBuiltin() {
        return !policy.equals("-");
    }

    /** This chain with other rules. */
    public IptablesChain withRules(List<RuleSpec> newRules) {
        return new IptablesChain(name, policy, packets, bytes, newRules);
    }
}
