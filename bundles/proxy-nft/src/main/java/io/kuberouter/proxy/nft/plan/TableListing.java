package io.kuberouter.proxy.nft.plan;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names of the chains and of the sets and maps (name to {@code set} or {@code map}) of the table as
 * {@code nft list table} prints them: what a full sync must flush or delete. Empty when the table does not exist.
 */
public record TableListing(Set<String> chains, Map<String, String> sets) {

    private static final Pattern CHAIN = Pattern.compile("(?m)^\\s*chain (\\S+) \\{");
    private static final Pattern SET = Pattern.compile("(?m)^\\s*(set|map) (\\S+) \\{");

    public static final TableListing EMPTY = new TableListing(Set.of(), Map.of());

    public TableListing {
        chains = Set.copyOf(chains);
        sets = Map.copyOf(sets);
    }

    public static TableListing parse(String listing) {
        Set<String> chains = new LinkedHashSet<>();
        Matcher c = CHAIN.matcher(listing);
        while (c.find()) {
            chains.add(unquote(c.group(1)));
        }
        Map<String, String> sets = new LinkedHashMap<>();
        Matcher s = SET.matcher(listing);
        while (s.find()) {
            sets.put(unquote(s.group(2)), s.group(1));
        }
        return new TableListing(chains, sets);
    }

    /** The chains and sets of this listing that {@code keep} accepts. */
    public TableListing only(Predicate<String> keep) {
        Map<String, String> kept = new LinkedHashMap<>();
        sets.forEach((name, kind) -> {
            if (keep.test(name)) {
                kept.put(name, kind);
            }
        });
        return new TableListing(chains.stream().filter(keep).collect(Collectors.toSet()), kept);
    }

    /** nft quotes names that are also keywords. */
    private static String unquote(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1)
                : name;
    }
}
