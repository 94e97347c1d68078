package io.kuberouter.firewall.kernel;

import io.kuberouter.firewall.kernel.KernelInventory.Reference;
import io.kuberouter.firewall.model.Chain;
import io.kuberouter.firewall.model.FamilyState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders the {@code iptables-restore --noflush} input of one family (pure). The input touches only the
 * firewall's chains, not the rest of the filter table (unlike upstream, which restores the whole table:
 * kube-router issue #1248): it declares (creating, or flushing) every chain it writes or removes, fills the
 * chains to write, edits fixed chains with few changes in place ({@link ChainEdits}), fixes the jumps from the
 * built-in chains and deletes the stale chains ({@code -X}) at the end, once nothing refers to them anymore. One
 * restore is one commit, so packets see either the old or the new state.
 */
final class FilterRestore {

    private FilterRestore() {
    }

    /**
     * The input that takes the kernel from {@code applied} to {@code desired}.
     *
     * @param applied the state the last successful sync wrote, {@code null} when unknown: every chain is written
     * @param kernel the kernel's content for a full sync (stale chains, built-in jumps repaired), else {@code null}
     * @return the input, empty when nothing changes
     */
    static String sync(FamilyState desired, FamilyState applied, KernelInventory kernel) {
        Map<String, Chain> wanted = desired.chainsByName();
        Map<String, Chain> before = applied == null ? Map.of() : applied.chainsByName();
        List<Chain> write = new ArrayList<>();
        List<String> edits = new ArrayList<>();
        for (Chain c : desired.chains()) {
            Chain old = before.get(c.name());
            if (old == null) {
                write.add(c);
            } else if (!old.equals(c)) {
                ChainEdits.of(c.name(), old.rules(), c.rules()).ifPresentOrElse(edits::addAll, () -> write.add(c));
            }
        }
        Set<String> stale = new LinkedHashSet<>(before.keySet());
        if (kernel != null) {
            stale.addAll(kernel.ownedChains());
        }
        stale.removeAll(wanted.keySet());
        if (kernel != null) {
            edits.addAll(jumpRepairs(desired, kernel, stale));
        }
        return render(write, edits, stale);
    }

    private static String render(List<Chain> write, List<String> edits, Set<String> stale) {
        if (write.isEmpty() && stale.isEmpty() && edits.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("*filter\n");
        write.forEach(c -> declare(out, c.name()));
        stale.forEach(name -> declare(out, name));
        for (Chain c : write) {
            c.rules().forEach(rule -> out.append("-A ").append(c.name()).append(' ').append(rule).append('\n'));
        }
        edits.forEach(line -> out.append(line).append('\n'));
        stale.forEach(name -> out.append("-X ").append(name).append('\n'));
        return out.append("COMMIT\n").toString();
    }

    /** The input removing every chain of {@code chains} and every rule elsewhere that jumps into one of them. */
    static String removal(Set<String> chains, List<Reference> references) {
        if (chains.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("*filter\n");
        chains.forEach(name -> declare(out, name));
        references.forEach(r -> out.append("-D ").append(r.chain()).append(' ').append(r.rule()).append('\n'));
        chains.forEach(name -> out.append("-X ").append(name).append('\n'));
        return out.append("COMMIT\n").toString();
    }

    /**
     * The built-in chains must hold exactly one rule into the firewall's chains, the desired jump at position 1;
     * otherwise every such rule is deleted and the jump inserted at 1. Rules of other chains that jump into a
     * stale chain are deleted so the chain can go.
     */
    private static List<String> jumpRepairs(FamilyState desired, KernelInventory kernel, Set<String> stale) {
        List<String> lines = new ArrayList<>();
        desired.jumps().forEach((builtin, jump) -> {
            List<Reference> refs = kernel.references().stream().filter(r -> r.chain().equals(builtin)).toList();
            boolean ok = refs.size() == 1 && refs.get(0).position() == 1 && refs.get(0).rule().equals(jump);
            if (!ok) {
                refs.forEach(r -> lines.add("-D " + builtin + " " + r.rule()));
                lines.add("-I " + builtin + " 1 " + jump);
            }
        });
        kernel.references().stream()
                .filter(r -> !desired.jumps().containsKey(r.chain()) && stale.contains(r.target()))
                .forEach(r -> lines.add("-D " + r.chain() + " " + r.rule()));
        return lines;
    }

    private static void declare(StringBuilder out, String chain) {
        out.append(':').append(chain).append(" - [0:0]\n");
    }
}
