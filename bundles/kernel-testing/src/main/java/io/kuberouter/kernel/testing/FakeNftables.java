package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.RestoreException;
import io.kuberouter.kernel.api.nftables.Nftables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fake {@link Nftables} (operation {@code nft}) that understands the one-command-per-line subset of the
 * {@code nft -f} syntax: {@code add|delete|flush table}, {@code add|flush|delete chain}, {@code add rule},
 * {@code add|flush|delete set|map}, {@code add|delete element ... { k [: v], ... }}. A script is a transaction:
 * on the first error nothing of it stays. As the kernel does, it refuses to create an object twice inside a
 * missing table, to delete a missing object, to delete a chain that still has rules or that a rule or map
 * element jumps to, and to add a map element whose key exists with another value.
 */
public final class FakeNftables implements Nftables {

    private static final String OP = "nft";
    private static final Pattern OBJECT = Pattern.compile(
            "(add|delete|flush) (table|chain|rule|set|map|element) (\\S+) (\\S+)(?: (\\S+))?(?: (.*))?");

    private final FakeKernel kernel;
    private int applied;
    private String lastScript = "";

    FakeNftables(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void apply(CharSequence script) throws KernelException {
        synchronized (kernel) {
            NftTables state = kernel.enter(OP, "apply").nftables;
            NftTables undo = state.copy();
            int n = 0;
            for (String raw : script.toString().split("\n", -1)) {
                n++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String error = command(state, line);
                if (error != null) {
                    state.restore(undo);
                    throw new RestoreException(OP, "", n, line, error);
                }
            }
            applied++;
            lastScript = script.toString();
        }
    }

    @Override
    public Optional<String> listTable(String family, String table) throws KernelException {
        synchronized (kernel) {
            NftTables.Table t = kernel.enter(OP, "list").nftables.tables.get(family + " " + table);
            return Optional.ofNullable(t).map(x -> render(family, table, x));
        }
    }

    @Override
    public void deleteTable(String family, String table) throws KernelException {
        synchronized (kernel) {
            kernel.enter(OP, "delete").nftables.tables.remove(family + " " + table);
        }
    }

    /** How many scripts were applied successfully (all namespaces). */
    public int applied() {
        synchronized (kernel) {
            return applied;
        }
    }

    /** The last script applied successfully (any namespace), empty before the first. */
    public String lastScript() {
        synchronized (kernel) {
            return lastScript;
        }
    }

    /** The rules of a chain in the calling thread's namespace, empty when it does not exist. */
    public Optional<List<String>> chain(String family, String table, String chain) {
        synchronized (kernel) {
            NftTables.Table t = kernel.state().nftables.tables.get(family + " " + table);
            return t == null ? Optional.empty() : Optional.ofNullable(t.chains.get(chain)).map(List::copyOf);
        }
    }

    /** The chain names of a table in the calling thread's namespace. */
    public List<String> chains(String family, String table) {
        synchronized (kernel) {
            NftTables.Table t = kernel.state().nftables.tables.get(family + " " + table);
            return t == null ? List.of() : List.copyOf(t.chains.keySet());
        }
    }

    /** The elements (key to value, empty value for a set) of a set or map, empty when it does not exist. */
    public Map<String, String> elements(String family, String table, String set) {
        synchronized (kernel) {
            NftTables.Table t = kernel.state().nftables.tables.get(family + " " + table);
            return t == null || !t.elements.containsKey(set) ? Map.of() : Map.copyOf(t.elements.get(set));
        }
    }

    /** Whether the table exists in the calling thread's namespace. */
    public boolean hasTable(String family, String table) {
        synchronized (kernel) {
            return kernel.state().nftables.tables.containsKey(family + " " + table);
        }
    }

    /** Applies one command; returns an error message or null. */
    private static String command(NftTables state, String line) {
        Matcher m = OBJECT.matcher(line);
        if (!m.matches()) {
            return "syntax error, unexpected command";
        }
        String verb = m.group(1);
        String kind = m.group(2);
        String tableKey = m.group(3) + " " + m.group(4);
        String name = m.group(5);
        String rest = m.group(6) == null ? "" : m.group(6).strip();
        if (kind.equals("table")) {
            switch (verb) {
                case "add" -> state.tables.putIfAbsent(tableKey, new NftTables.Table());
                case "delete" -> {
                    if (state.tables.remove(tableKey) == null) {
                        return "No such file or directory";
                    }
                }
                default -> state.tables.computeIfPresent(tableKey, (k, t) -> {
                    t.chains.values().forEach(List::clear);
                    t.elements.values().forEach(Map::clear);
                    return t;
                });
            }
            return null;
        }
        NftTables.Table t = state.tables.get(tableKey);
        if (t == null || name == null) {
            return "No such file or directory; did you mean table?";
        }
        return switch (kind) {
            case "chain" -> chain(t, verb, name, rest);
            case "rule" -> rule(t, verb, name, rest);
            case "set", "map" -> set(t, kind, verb, name, rest);
            default -> element(t, verb, name, rest);
        };
    }

    private static String chain(NftTables.Table t, String verb, String name, String rest) {
        switch (verb) {
            case "add" -> {
                t.chains.putIfAbsent(name, new ArrayList<>());
                if (!rest.isEmpty()) {
                    t.chainTypes.put(name, rest);
                }
            }
            case "flush" -> {
                if (!t.chains.containsKey(name)) {
                    return "No such file or directory";
                }
                t.chains.get(name).clear();
            }
            default -> {
                if (!t.chains.containsKey(name)) {
                    return "No such file or directory";
                }
                if (!t.chains.get(name).isEmpty() || referenced(t, name)) {
                    return "Device or resource busy";
                }
                t.chains.remove(name);
                t.chainTypes.remove(name);
            }
        }
        return null;
    }

    private static boolean referenced(NftTables.Table t, String chain) {
        Pattern target = Pattern.compile("(goto|jump) " + Pattern.quote(chain) + "(\\s|,|$|\\s*})");
        return t.chains.values().stream().flatMap(List::stream).anyMatch(r -> target.matcher(r).find())
                || t.elements.values().stream().flatMap(e -> e.values().stream())
                        .anyMatch(v -> target.matcher(v).find());
    }

    private static String rule(NftTables.Table t, String verb, String chain, String rest) {
        if (!verb.equals("add")) {
            return "unsupported rule command";
        }
        List<String> rules = t.chains.get(chain);
        if (rules == null) {
            return "No such file or directory";
        }
        Matcher sets = Pattern.compile("@([A-Za-z0-9_./-]+)").matcher(rest);
        while (sets.find()) {
            if (!t.setTypes.containsKey(sets.group(1))) {
                return "Could not process rule: No such file or directory (set " + sets.group(1) + ")";
            }
        }
        Matcher targets = Pattern.compile("(?:goto|jump) ([A-Za-z0-9_./-]+)").matcher(rest);
        while (targets.find()) {
            if (!t.chains.containsKey(targets.group(1))) {
                return "Could not process rule: No such file or directory (chain " + targets.group(1) + ")";
            }
        }
        rules.add(rest);
        return null;
    }

    private static String set(NftTables.Table t, String kind, String verb, String name, String rest) {
        switch (verb) {
            case "add" -> {
                String before = t.setTypes.putIfAbsent(name, rest);
                if (before != null && !before.equals(rest)) {
                    t.setTypes.put(name, before);
                    return "Could not process rule: File exists";
                }
                t.setKinds.putIfAbsent(name, kind);
                t.elements.putIfAbsent(name, new LinkedHashMap<>());
            }
            case "flush" -> {
                if (!t.elements.containsKey(name)) {
                    return "No such file or directory";
                }
                t.elements.get(name).clear();
            }
            default -> {
                if (t.setTypes.remove(name) == null) {
                    return "No such file or directory";
                }
                t.setKinds.remove(name);
                boolean used = t.chains.values().stream().flatMap(List::stream).anyMatch(r -> r.contains("@" + name));
                if (used) {
                    return "Device or resource busy";
                }
                t.elements.remove(name);
            }
        }
        return null;
    }

    private static String element(NftTables.Table t, String verb, String set, String rest) {
        Map<String, String> elements = t.elements.get(set);
        if (elements == null) {
            return "No such file or directory";
        }
        if (!rest.startsWith("{") || !rest.endsWith("}")) {
            return "syntax error, expecting {";
        }
        for (String item : rest.substring(1, rest.length() - 1).split(",")) {
            String[] kv = item.split(" : ", 2);
            String key = kv[0].strip();
            String value = kv.length > 1 ? kv[1].strip() : "";
            if (verb.equals("add")) {
                Matcher target = Pattern.compile("(?:goto|jump) ([A-Za-z0-9_./-]+)").matcher(value);
                if (target.find() && !t.chains.containsKey(target.group(1))) {
                    return "Could not process rule: No such file or directory (chain " + target.group(1) + ")";
                }
                String before = elements.putIfAbsent(key, value);
                if (before != null && !before.equals(value)) {
                    return "Could not process rule: File exists";
                }
            } else if (verb.equals("delete")) {
                if (elements.remove(key) == null) {
                    return "Could not process rule: No such file or directory";
                }
            } else {
                return "unsupported element command";
            }
        }
        return null;
    }

    /** A simplified {@code nft list table}: declarations, rules and elements. */
    private static String render(String family, String table, NftTables.Table t) {
        StringBuilder sb = new StringBuilder("table " + family + " " + table + " {\n");
        t.setTypes.forEach((name, type) -> sb.append('\t').append(t.setKinds.get(name)).append(' ').append(name)
                .append(' ').append(type)
                .append(" elements = ").append(t.elements.get(name)).append("\n"));
        t.chains.forEach((name, rules) -> {
            sb.append("\tchain ").append(name).append(" {\n");
            rules.forEach(r -> sb.append("\t\t").append(r).append("\n"));
            sb.append("\t}\n");
        });
        return sb.append("}\n").toString();
    }
}
