package io.kuberouter.kernel.exec.syntax;

import io.kuberouter.kernel.exec.syntax.Statement.ChainCommand;
import io.kuberouter.kernel.exec.syntax.Statement.ChainDecl;
import io.kuberouter.kernel.exec.syntax.Statement.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser of {@code iptables-save} output and {@code iptables-restore} input: {@code #} comments,
 * {@code *TABLE}, {@code :CHAIN POLICY [p:b]}, commands ({@code -A -I -D -N -X -F -P}, optionally
 * preceded by {@code [p:b]} counters) and {@code COMMIT}. Syntax only: whether chains exist is checked
 * by {@link TableEditor}.
 */
public final class IptablesScript {

    private static final Pattern DECL = Pattern.compile(":(\\S+)\\s+(\\S+)(?:\\s+\\[(\\d+):(\\d+)])?\\s*");
    private static final Pattern COUNTERS = Pattern.compile("\\[\\d+:\\d+]\\s+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Map<String, Op> OPS = Map.ofEntries(Map.entry("-A", Op.APPEND),
            Map.entry("--append", Op.APPEND), Map.entry("-I", Op.INSERT), Map.entry("--insert", Op.INSERT),
            Map.entry("-D", Op.DELETE), Map.entry("--delete", Op.DELETE), Map.entry("-N", Op.NEW_CHAIN),
            Map.entry("--new-chain", Op.NEW_CHAIN), Map.entry("-X", Op.DELETE_CHAIN),
            Map.entry("--delete-chain", Op.DELETE_CHAIN), Map.entry("-F", Op.FLUSH), Map.entry("--flush", Op.FLUSH),
            Map.entry("-P", Op.POLICY), Map.entry("--policy", Op.POLICY));

    private IptablesScript() {
    }

    /**
     * Parses a whole script into its table blocks.
     *
     * @throws ScriptException on a malformed line or a missing {@code COMMIT}
     */
    public static List<TableBlock> parse(CharSequence script) {
        BlockCollector collector = new BlockCollector();
        String[] lines = script.toString().split("\n", -1);
        int last = 0;
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                collector.line(i + 1, text);
                last = i + 1;
            }
        }
        if (collector.table != null) {
            throw new ScriptException(last, lines[last - 1].strip(), "COMMIT expected");
        }
        return collector.blocks;
    }

    /** Groups statements into blocks. */
    private static final class BlockCollector {
        private final List<TableBlock> blocks = new ArrayList<>();
        private List<Statement> statements = new ArrayList<>();
        private String table;
        private int header;

        void line(int n, String text) {
            if (text.startsWith("*")) {
                if (table != null) {
                    throw new ScriptException(n, text, "COMMIT expected");
                }
                table = text.substring(1).strip();
                header = n;
                checkTable(n, text, table);
            } else if (table == null) {
                throw new ScriptException(n, text, "no table header (*TABLE) before this line");
            } else if (text.equals("COMMIT")) {
                blocks.add(new TableBlock(table, header, statements, n));
                table = null;
                statements = new ArrayList<>();
            } else {
                statements.add(text.startsWith(":") ? declaration(n, text) : command(n, text));
            }
        }
    }

    private static void checkTable(int n, String text, String table) {
        try {
            IptablesTable.builtinChains(table);
        } catch (IllegalArgumentException e) {
            throw new ScriptException(n, text, "unknown table '" + table + "'");
        }
    }

    private static ChainDecl declaration(int n, String text) {
        Matcher m = DECL.matcher(text);
        if (!m.matches()) {
            throw new ScriptException(n, text, "bad chain declaration");
        }
        long packets = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        long bytes = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
        return new ChainDecl(n, text, m.group(1), m.group(2), packets, bytes);
    }

    private static ChainCommand command(int n, String text) {
        Matcher counters = COUNTERS.matcher(text);
        List<String> args;
        try {
            args = Args.split(counters.lookingAt() ? text.substring(counters.end()) : text);
        } catch (IllegalArgumentException e) {
            throw new ScriptException(n, text, e.getMessage());
        }
        Op op = OPS.get(args.get(0));
        if (op == null) {
            throw new ScriptException(n, text, "unknown command '" + args.get(0) + "'");
        }
        Optional<String> chain = args.size() > 1 ? Optional.of(args.get(1)) : Optional.empty();
        List<String> rest = args.subList(Math.min(2, args.size()), args.size());
        int index = !rest.isEmpty() && NUMBER.matcher(rest.get(0)).matches() ? Integer.parseInt(rest.get(0)) : 0;
        List<String> rule = index > 0 ? rest.subList(1, rest.size()) : rest;
        checkArity(n, text, op, chain.isPresent(), index, rule.size());
        return new ChainCommand(n, text, op, chain, index,
                rule.isEmpty() ? Optional.empty() : Optional.of(RuleSpec.of(rule)));
    }

    private static void checkArity(int n, String text, Op op, boolean hasChain, int index, int ruleArgs) {
        boolean ok = switch (op) {
            case APPEND -> hasChain && index == 0 && ruleArgs > 0;
            case INSERT -> hasChain && ruleArgs > 0;
            case DELETE -> hasChain && (index > 0) != (ruleArgs > 0);
            case NEW_CHAIN -> hasChain && index == 0 && ruleArgs == 0;
            case DELETE_CHAIN, FLUSH -> index == 0 && ruleArgs == 0;
            case POLICY -> hasChain && index == 0 && ruleArgs == 1;
        };
        if (!ok) {
            throw new ScriptException(n, text, "bad arguments for " + op);
        }
    }
}
