package io.kuberouter.kernel.exec.syntax;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code iptables-save} output into tables → chains → rules, for diffing. */
public final class IptablesSave {

    private IptablesSave() {
    }

    /**
     * The tables in {@code text}, in order of appearance.
     *
     * @throws ScriptException if the text is not well-formed save output
     */
    public static Map<String, IptablesTable> parse(CharSequence text) {
        Map<String, IptablesTable> tables = new LinkedHashMap<>();
        for (TableBlock block : IptablesScript.parse(text)) {
            tables.put(block.table(),
                    TableEditor.apply(IptablesTable.empty(block.table()), block, false, set -> true));
        }
        return tables;
    }
}
