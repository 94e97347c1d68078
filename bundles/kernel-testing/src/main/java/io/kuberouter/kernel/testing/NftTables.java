package io.kuberouter.kernel.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nftables tables of one fake namespace, by {@code "FAMILY NAME"}: chains with their rules as written and
 * sets/maps with their elements. A deep copy is the transaction's undo.
 */
final class NftTables {

    /** One table. */
    static final class Table {
        final Map<String, List<String>> chains = new LinkedHashMap<>();
        final Map<String, String> chainTypes = new LinkedHashMap<>();
        final Map<String, String> setTypes = new LinkedHashMap<>();
        final Map<String, String> setKinds = new LinkedHashMap<>();
        final Map<String, Map<String, String>> elements = new LinkedHashMap<>();

        Table copy() {
            Table t = new Table();
            chains.forEach((k, v) -> t.chains.put(k, new ArrayList<>(v)));
            t.chainTypes.putAll(chainTypes);
            t.setTypes.putAll(setTypes);
            t.setKinds.putAll(setKinds);
            elements.forEach((k, v) -> t.elements.put(k, new LinkedHashMap<>(v)));
            return t;
        }
    }

    final Map<String, Table> tables = new LinkedHashMap<>();

    NftTables copy() {
        NftTables c = new NftTables();
        tables.forEach((k, v) -> c.tables.put(k, v.copy()));
        return c;
    }

    void restore(NftTables from) {
        tables.clear();
        tables.putAll(from.tables);
    }
}
