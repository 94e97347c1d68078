package io.kuberouter.firewall.kernel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites a chain in place instead of flushing and refilling it: {@code -D} the rules that go, then {@code -I} the
 * new ones at their positions. This keeps a pod add from rewriting every pod's jumps in the top-level chains. It
 * applies when every rule of both versions is unique and the rules both keep are in the same order; it is not worth
 * it when more than half of the chain changes.
 */
final class ChainEdits {

    private ChainEdits() {
    }

    /** The restore lines turning {@code before} into {@code after}, or empty when the chain should be rewritten. */
    static Optional<List<String>> of(String chain, List<String> before, List<String> after) {
        Set<String> wanted = new HashSet<>(after);
        Set<String> present = new HashSet<>(before);
        if (wanted.size() != after.size() || present.size() != before.size()) {
            return Optional.empty();
        }
        List<String> kept = before.stream().filter(wanted::contains).toList();
        if (!kept.equals(after.stream().filter(present::contains).toList())) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        before.stream().filter(r -> !wanted.contains(r)).forEach(r -> lines.add("-D " + chain + " " + r));
        for (int i = 0; i < after.size(); i++) {
            if (!present.contains(after.get(i))) {
                lines.add("-I " + chain + " " + (i + 1) + " " + after.get(i));
            }
        }
        return lines.size() > after.size() / 2 ? Optional.empty() : Optional.of(lines);
    }
}
