package io.kuberouter.proxy.nft.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the {@code nft -f} scripts of the reconciler (pure). Every script is applied as one transaction, so
 * packets see the old table or the new one, never a mix. Commands are ordered so that nothing is deleted while
 * a rule or map element still refers to it: declarations, flushes, rules, element deletions, element additions,
 * chain deletions, set deletions.
 */
public final class NftScript {

    /** Map elements per {@code add element} command. */
    static final int ELEMENTS_PER_COMMAND = 1000;
    private static final String PREFIX = NftNames.QUALIFIED + " ";

    private final StringBuilder declarations = new StringBuilder();
    private final StringBuilder flushes = new StringBuilder();
    private final StringBuilder rules = new StringBuilder();
    private final StringBuilder elementDeletes = new StringBuilder();
    private final Map<String, List<String>> elementAdds = new LinkedHashMap<>();
    private final StringBuilder chainDeletes = new StringBuilder();
    private final StringBuilder setDeletes = new StringBuilder();

    private NftScript() {
    }

    /**
     * The whole table: every chain that exists is flushed and, unless desired, deleted; every set and map that
     * exists is flushed (desired affinity sets keep their entries) and, unless desired, deleted; then
     * everything desired is declared and written. Works on an empty or missing table as on a drifted one.
     */
    public static String full(BaseRules.Base base, Collection<FrontendRules> frontends, TableListing existing) {
        NftScript s = new NftScript();
        s.declarations.append("add table ").append(NftNames.QUALIFIED).append('\n');
        Map<String, NftChain> chains = new LinkedHashMap<>();
        Map<String, NftSet> sets = new LinkedHashMap<>();
        base.chains().forEach(c -> chains.put(c.name(), c));
        base.maps().forEach(m -> sets.put(m.name(), m));
        for (FrontendRules f : frontends) {
            f.chains().forEach(c -> chains.put(c.name(), c));
            f.sets().forEach(m -> sets.put(m.name(), m));
        }
        for (String chain : existing.chains()) {
            s.command(s.flushes, "flush chain", chain, "");
            if (!chains.containsKey(chain)) {
                s.command(s.chainDeletes, "delete chain", chain, "");
            }
        }
        existing.sets().forEach((set, kind) -> {
            NftSet wanted = sets.get(set);
            if (wanted == null || !wanted.dynamic()) {
                s.command(s.flushes, "flush " + kind, set, "");
            }
            if (wanted == null) {
                s.command(s.setDeletes, "delete " + kind, set, "");
            }
        });
        chains.values().forEach(s::declare);
        sets.values().forEach(s::declare);
        chains.values().forEach(s::write);
        frontends.forEach(f -> s.addElement(f.element()));
        return s.render();
    }

    /**
     * The change from {@code before} to {@code after} for the frontends whose rules changed (by frontend id;
     * {@code null} or absent: no rules). Unchanged chains, sets and elements are not touched, so their counters
     * and affinity entries stay.
     */
    public static String delta(Map<String, FrontendRules> before, Map<String, FrontendRules> after) {
        NftScript s = new NftScript();
        Set<String> ids = new HashSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            s.change(before.get(id), after.get(id));
        }
        return s.render();
    }

    private void change(FrontendRules b, FrontendRules a) {
        Map<String, NftChain> oldChains = chains(b);
        Map<String, NftChain> newChains = chains(a);
        Map<String, NftSet> oldSets = sets(b);
        Map<String, NftSet> newSets = sets(a);
        newChains.values().stream().filter(c -> !oldChains.containsKey(c.name())).forEach(this::declare);
        newSets.values().stream().filter(m -> !oldSets.containsKey(m.name())).forEach(this::declare);
        for (NftChain old : oldChains.values()) {
            NftChain next = newChains.get(old.name());
            if (!old.equals(next)) {
                command(flushes, "flush chain", old.name(), "");
            }
            if (next == null) {
                command(chainDeletes, "delete chain", old.name(), "");
            }
        }
        newChains.values().stream().filter(c -> !c.equals(oldChains.get(c.name()))).forEach(this::write);
        NftElement oldElement = b == null ? null : b.element();
        NftElement newElement = a == null ? null : a.element();
        if (oldElement != null && !oldElement.equals(newElement)) {
            command(elementDeletes, "delete element", oldElement.map(), "{ " + oldElement.key() + " }");
        }
        if (newElement != null && !newElement.equals(oldElement)) {
            addElement(newElement);
        }
        oldSets.keySet().stream().filter(n -> !newSets.containsKey(n))
                .forEach(n -> command(setDeletes, "delete " + oldSets.get(n).kind(), n, ""));
    }

    private static Map<String, NftChain> chains(FrontendRules f) {
        Map<String, NftChain> m = new HashMap<>();
        if (f != null) {
            f.chains().forEach(c -> m.put(c.name(), c));
        }
        return m;
    }

    private static Map<String, NftSet> sets(FrontendRules f) {
        Map<String, NftSet> m = new HashMap<>();
        if (f != null) {
            f.sets().forEach(c -> m.put(c.name(), c));
        }
        return m;
    }

    private void declare(NftChain chain) {
        command(declarations, "add chain", chain.name(), chain.spec());
    }

    private void declare(NftSet set) {
        command(declarations, "add " + set.kind(), set.name(), set.spec());
    }

    private void write(NftChain chain) {
        for (String rule : chain.rules()) {
            command(rules, "add rule", chain.name(), rule);
        }
    }

    private void addElement(NftElement e) {
        elementAdds.computeIfAbsent(e.map(), k -> new ArrayList<>()).add(e.key() + " : " + e.verdict());
    }

    private void command(StringBuilder to, String verb, String name, String rest) {
        to.append(verb).append(' ').append(PREFIX).append(Objects.requireNonNull(name));
        if (!rest.isEmpty()) {
            to.append(' ').append(rest);
        }
        to.append('\n');
    }

    private String render() {
        StringBuilder out = new StringBuilder(declarations.length() + flushes.length() + rules.length() + 64);
        out.append(declarations).append(flushes).append(rules).append(elementDeletes);
        elementAdds.forEach((map, items) -> {
            for (int i = 0; i < items.size(); i += ELEMENTS_PER_COMMAND) {
                out.append("add element ").append(PREFIX).append(map).append(" { ")
                        .append(String.join(", ", items.subList(i, Math.min(items.size(), i + ELEMENTS_PER_COMMAND))))
                        .append(" }\n");
            }
        });
        return out.append(chainDeletes).append(setDeletes).toString();
    }
}
