package io.kuberouter.kernel.exec.syntax;

import io.kuberouter.kernel.api.AddressFamily;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutable contents of one set inside an {@link IpsetEditor}. */
final class IpsetData {

    private static final Set<String> VALUED = Set.of("family", "hashsize", "maxelem", "timeout", "netmask",
            "bucketsize", "initval", "markmask", "size", "range");
    private static final Set<String> DROPPED = Set.of("initval", "bucketsize");

    private final String type;
    private final Map<String, String> options;
    private final Map<String, String> entries = new LinkedHashMap<>();
    /** Previous values of entries changed since {@link #commit()}, oldest first (null = absent). */
    private final List<Map.Entry<String, String>> journal = new ArrayList<>();

    private IpsetData(String type, Map<String, String> options) {
        this.type = type;
        this.options = options;
    }

    /**
     * A new empty set from create arguments.
     *
     * @throws IllegalStateException for a non-hash type or a malformed option
     */
    static IpsetData of(String type, List<String> args) {
        if (!type.matches("hash:[a-z]+(,[a-z]+)*")) {
            throw new IllegalStateException("Syntax error: unsupported set type " + type);
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("family", "inet");
        options.put("hashsize", "1024");
        options.put("maxelem", "65536");
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i);
            boolean valued = VALUED.contains(key);
            if (valued && i + 1 >= args.size()) {
                throw new IllegalStateException("Syntax error: option " + key + " needs a value");
            }
            options.put(key, valued ? args.get(++i) : "");
        }
        DROPPED.forEach(options::remove);
        if (!options.get("family").matches("inet6?") || !options.get("maxelem").matches("\\d+")) {
            throw new IllegalStateException("Syntax error: bad family or maxelem");
        }
        return new IpsetData(type, options);
    }

    String type() {
        return type;
    }

    AddressFamily family() {
        return options.get("family").equals("inet6") ? AddressFamily.INET6 : AddressFamily.INET;
    }

    boolean sameCreate(IpsetData other) {
        return type.equals(other.type) && options.equals(other.options);
    }

    void add(String entry, boolean exist) {
        String[] words = entry.split(" ", 2);
        String element = IpsetElements.canonical(type, family(), words[0]);
        if (entries.containsKey(element) && !exist) {
            throw new IllegalStateException("Element cannot be added to the set: it's already added");
        }
        if (!entries.containsKey(element) && entries.size() >= Integer.parseInt(options.get("maxelem"))) {
            throw new IllegalStateException("Hash is full, cannot add more elements");
        }
        String entryOptions = words.length > 1 ? " " + words[1]
                : options.containsKey("timeout") ? " timeout " + options.get("timeout") : "";
        journal.add(new AbstractMap.SimpleEntry<>(element, entries.put(element, element + entryOptions)));
    }

    void delete(String element, boolean exist) {
        String key = IpsetElements.canonical(type, family(), element);
        if (!entries.containsKey(key) && !exist) {
            throw new IllegalStateException("Element cannot be deleted from the set: it's not added");
        }
        journal.add(new AbstractMap.SimpleEntry<>(key, entries.remove(key)));
    }

    void flush() {
        entries.clear();
        journal.clear();
    }

    /** Forgets the journal: the changes so far are final. */
    void commit() {
        journal.clear();
    }

    /** Undoes the add/del changes since the last {@link #commit()}. */
    void rollback() {
        for (int i = journal.size() - 1; i >= 0; i--) {
            Map.Entry<String, String> e = journal.get(i);
            if (e.getValue() == null) {
                entries.remove(e.getKey());
            } else {
                entries.put(e.getKey(), e.getValue());
            }
        }
        journal.clear();
    }

    IpsetContent content(String name) {
        List<String> opts = new ArrayList<>();
        options.forEach((k, v) -> {
            opts.add(k);
            if (!v.isEmpty()) {
                opts.add(v);
            }
        });
        return new IpsetContent(name, type, opts, new ArrayList<>(entries.values()));
    }
}
