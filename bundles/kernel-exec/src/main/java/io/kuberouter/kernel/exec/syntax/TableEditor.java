package io.kuberouter.kernel.exec.syntax;

import io.kuberouter.kernel.exec.syntax.Statement.ChainCommand;
import io.kuberouter.kernel.exec.syntax.Statement.ChainDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Applies a {@link TableBlock} to a table with {@code iptables-restore} semantics. Without
 * {@code noflush} the table starts from its built-in chains, emptied, policies kept; with
 * {@code noflush} it starts from the current contents, and a declared user chain is flushed. The
 * result is all-or-nothing: the first failing statement aborts with a {@link ScriptException}.
 *
 * <p>Checks made like the kernel/tool: chains must exist before use, jump targets must be a chain of
 * the table or a standard target in {@link #TARGETS}, {@code -m set --match-set NAME} needs an existing
 * set, built-in chains cannot be deleted, and a user chain can be deleted only when empty and
 * unreferenced.
 */
public final class TableEditor {

    /** Targets accepted without a chain of that name (built-in verdicts and common extensions). */
    public static final Set<String> TARGETS = Set.of("ACCEPT", "DROP", "RETURN", "QUEUE", "REJECT", "MARK",
            "CONNMARK", "SNAT", "DNAT", "MASQUERADE", "REDIRECT", "LOG", "NFLOG", "NFQUEUE", "TCPMSS", "NOTRACK",
            "CT", "TRACE", "SET", "CLASSIFY", "DSCP", "TOS", "TTL", "HL", "NETMAP", "TEE", "CHECKSUM", "AUDIT",
            "TPROXY", "SECMARK", "CONNSECMARK", "SYNPROXY", "HMARK", "IDLETIMER", "RATEEST", "LED");

    private final String table;
    private final Map<String, IptablesChain> builtins = new LinkedHashMap<>();
    private final Map<String, List<RuleSpec>> rules = new HashMap<>();
    private final Predicate<String> setExists;

    private TableEditor(IptablesTable start, boolean keepRules, Predicate<String> setExists) {
        this.table = start.name();
        this.setExists = setExists;
        for (IptablesChain c : start.chains().values()) {
            if (c.isBuiltin()) {
                builtins.put(c.name(), c);
            }
            if (c.isBuiltin() || keepRules) {
                rules.put(c.name(), new ArrayList<>(keepRules ? c.rules() : List.of()));
            }
        }
    }

    /**
     * The table after applying {@code block} to {@code current}.
     *
     * @param current the table as it is now ({@link IptablesTable#empty(String)} if never used)
     * @param setExists whether an ipset of that name exists
     * @throws ScriptException naming the first statement that cannot be applied
     */
    public static IptablesTable apply(IptablesTable current, TableBlock block, boolean noflush,
            Predicate<String> setExists) {
        if (!current.name().equals(block.table())) {
            throw new IllegalArgumentException("block for " + block.table() + " applied to " + current.name());
        }
        TableEditor editor = new TableEditor(current, noflush, setExists);
        for (Statement s : block.statements()) {
            try {
                if (s instanceof ChainDecl d) {
                    editor.declare(d);
                } else {
                    editor.command((ChainCommand) s);
                }
            } catch (IllegalStateException e) {
                throw new ScriptException(s.line(), s.text(), e.getMessage());
            }
        }
        return editor.result();
    }

    private void declare(ChainDecl d) {
        IptablesChain builtin = builtins.get(d.chain());
        if (builtin != null) {
            String policy = d.policy().equals("-") ? builtin.policy() : d.policy();
            builtins.put(d.chain(), new IptablesChain(d.chain(), checkPolicy(policy), d.packets(), d.bytes(),
                    List.of()));
        } else {
            rules.put(d.chain(), new ArrayList<>());
        }
    }

    private void command(ChainCommand c) {
        String chain = c.chain().orElse("");
        switch (c.op()) {
            case APPEND -> insert(chain, existing(chain).size() + 1, c.rule().orElseThrow());
            case INSERT -> insert(chain, Math.max(1, c.index()), c.rule().orElseThrow());
            case DELETE -> delete(chain, c);
            case NEW_CHAIN -> newChain(chain);
            case DELETE_CHAIN -> deleteChains(chain);
            case FLUSH -> flush(chain);
            case POLICY -> policy(chain, c.rule().orElseThrow().args().get(0));
        }
    }

    private List<RuleSpec> existing(String chain) {
        List<RuleSpec> list = rules.get(chain);
        if (list == null) {
            throw new IllegalStateException("chain '" + chain + "' does not exist in table " + table);
        }
        return list;
    }

    private void insert(String chain, int position, RuleSpec rule) {
        List<RuleSpec> list = existing(chain);
        if (position > list.size() + 1) {
            throw new IllegalStateException("index of insertion too big");
        }
        rule.target().filter(t -> !TARGETS.contains(t) && !rules.containsKey(t)).ifPresent(t -> {
            throw new IllegalStateException("chain '" + t + "' does not exist");
        });
        List<String> a = rule.args();
        for (int i = 0; i + 1 < a.size(); i++) {
            if (a.get(i).equals("--match-set") && !setExists.test(a.get(i + 1))) {
                throw new IllegalStateException("set " + a.get(i + 1) + " doesn't exist");
            }
        }
        list.add(position - 1, rule);
    }

    private void delete(String chain, ChainCommand c) {
        List<RuleSpec> list = existing(chain);
        if (c.rule().isPresent()) {
            if (!list.remove(c.rule().get())) {
                throw new IllegalStateException("bad rule (does a matching rule exist in that chain?)");
            }
        } else if (c.index() > list.size()) {
            throw new IllegalStateException("index of deletion too big");
        } else {
            list.remove(c.index() - 1);
        }
    }

    private void newChain(String chain) {
        if (rules.containsKey(chain)) {
            throw new IllegalStateException("chain '" + chain + "' already exists");
        }
        rules.put(chain, new ArrayList<>());
    }

    private void deleteChains(String chain) {
        List<String> victims = chain.isEmpty()
                ? rules.keySet().stream().filter(c -> !builtins.containsKey(c)).toList() : List.of(chain);
        for (String v : victims) {
            if (builtins.containsKey(v)) {
                throw new IllegalStateException("cannot delete built-in chain " + v);
            }
            if (!existing(v).isEmpty()) {
                throw new IllegalStateException("chain " + v + " is not empty");
            }
        }
        for (String v : victims) {
            rules.remove(v);
        }
        for (List<RuleSpec> list : rules.values()) {
            list.stream().flatMap(r -> r.target().stream()).filter(victims::contains).findFirst().ifPresent(t -> {
                throw new IllegalStateException("chain " + t + " is still referenced");
            });
        }
    }

    private void flush(String chain) {
        if (chain.isEmpty()) {
            rules.values().forEach(List::clear);
        } else {
            existing(chain).clear();
        }
    }

    private void policy(String chain, String policy) {
        IptablesChain c = builtins.get(chain);
        if (c == null) {
            throw new IllegalStateException("cannot set policy of non-built-in chain " + chain);
        }
        builtins.put(chain, new IptablesChain(chain, checkPolicy(policy), c.packets(), c.bytes(), List.of()));
    }

    private static String checkPolicy(String policy) {
        if (!policy.equals("ACCEPT") && !policy.equals("DROP")) {
            throw new IllegalStateException("bad built-in chain policy " + policy);
        }
        return policy;
    }

    private IptablesTable result() {
        Map<String, IptablesChain> chains = new LinkedHashMap<>();
        for (IptablesChain b : builtins.values()) {
            chains.put(b.name(), b.withRules(rules.get(b.name())));
        }
        new TreeMap<>(rules).forEach((name, list) -> {
            if (!builtins.containsKey(name)) {
                chains.put(name, IptablesChain.user(name).withRules(list));
            }
        });
        return new IptablesTable(table, chains);
    }
}
