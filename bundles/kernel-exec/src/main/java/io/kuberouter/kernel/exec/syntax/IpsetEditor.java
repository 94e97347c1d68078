package io.kuberouter.kernel.exec.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A mutable collection of ipsets that applies {@code ipset restore} scripts with the tool's semantics:
 * commands run in order and the first failing one stops the script. Earlier commands stay applied,
 * except the run of {@code add}/{@code del} commands to one set directly before the failing line:
 * ipset buffers such a run into one message and drops it when the next line fails (observed with
 * ipset 7.17; when the kernel itself rejects an element of the run, the real tool keeps the elements
 * before it, the model does not). With
 * {@code exist} ({@code -exist}) creating an identical set, adding a present element and deleting a
 * missing one are not errors. Identity of a set for {@code create} is type, family, hashsize, maxelem
 * and timeout. Not thread-safe.
 */
public final class IpsetEditor {

    private final Map<String, IpsetData> sets = new LinkedHashMap<>();
    private final Predicate<String> inUse;

    /** @param inUse whether a set is referenced by iptables (then it cannot be destroyed) */
    public IpsetEditor(Predicate<String> inUse) {
        this.inUse = inUse;
    }

    /** Parses {@code ipset save} output. */
    public static List<IpsetContent> parseSave(CharSequence text) {
        IpsetEditor editor = new IpsetEditor(set -> false);
        editor.apply(IpsetScript.parse(text), false);
        return editor.snapshot();
    }

    /**
     * Applies commands in order.
     *
     * @throws ScriptException at the first command that fails; the commands before it took effect
     */
    public void apply(List<IpsetCommand> commands, boolean exist) {
        IpsetData run = null;
        for (IpsetCommand c : commands) {
            try {
                apply(c, exist);
            } catch (IllegalStateException e) {
                if (run != null) {
                    run.rollback();
                }
                throw new ScriptException(c.line(), c.text(), e.getMessage());
            }
            boolean element = c.op() == IpsetCommand.Op.ADD || c.op() == IpsetCommand.Op.DEL;
            IpsetData target = element ? sets.get(c.args().get(0)) : null;
            if (run != null && run != target) {
                run.commit();
            }
            run = target;
        }
        if (run != null) {
            run.commit();
        }
    }

    /** Every set, in creation order. */
    public List<IpsetContent> snapshot() {
        List<IpsetContent> out = new ArrayList<>(sets.size());
        sets.forEach((name, data) -> out.add(data.content(name)));
        return out;
    }

    /** Names of all sets, in creation order. */
    public List<String> names() {
        return List.copyOf(sets.keySet());
    }

    private void apply(IpsetCommand c, boolean exist) {
        List<String> a = c.args();
        switch (c.op()) {
            case CREATE -> create(a.get(0), IpsetData.of(a.get(1), a.subList(2, a.size())), exist);
            case ADD -> set(a.get(0)).add(String.join(" ", a.subList(1, a.size())), exist);
            case DEL -> set(a.get(0)).delete(a.get(1), exist);
            case FLUSH -> forEach(a, IpsetData::flush);
            case DESTROY -> destroy(a);
            case SWAP -> swap(a.get(0), a.get(1));
            case RENAME -> rename(a.get(0), a.get(1));
        }
    }

    private IpsetData set(String name) {
        IpsetData data = sets.get(name);
        if (data == null) {
            throw new IllegalStateException("The set with the given name does not exist");
        }
        return data;
    }

    private void create(String name, IpsetData data, boolean exist) {
        IpsetData existing = sets.get(name);
        if (existing == null) {
            sets.put(name, data);
        } else if (!exist || !existing.sameCreate(data)) {
            throw new IllegalStateException("Set cannot be created: set with the same name already exists");
        }
    }

    private void forEach(List<String> names, Consumer<IpsetData> action) {
        if (names.isEmpty()) {
            sets.values().forEach(action);
        } else {
            action.accept(set(names.get(0)));
        }
    }

    private void destroy(List<String> names) {
        List<String> victims = names.isEmpty() ? List.copyOf(sets.keySet()) : List.of(names.get(0));
        for (String v : victims) {
            set(v);
            if (inUse.test(v)) {
                throw new IllegalStateException("Set cannot be destroyed: it is in use by a kernel component");
            }
        }
        victims.forEach(sets::remove);
    }

    private void swap(String a, String b) {
        IpsetData first = set(a);
        IpsetData second = set(b);
        if (!first.type().equals(second.type()) || first.family() != second.family()) {
            throw new IllegalStateException("The sets cannot be swapped: their type does not match");
        }
        sets.put(a, second);
        sets.put(b, first);
    }

    private void rename(String from, String to) {
        IpsetData data = set(from);
        if (sets.containsKey(to)) {
            throw new IllegalStateException("Set cannot be renamed: a set with the new name already exists");
        }
        Map<String, IpsetData> copy = new LinkedHashMap<>(sets);
        sets.clear();
        copy.forEach((name, d) -> sets.put(name.equals(from) ? to : name, d));
        sets.put(to, data);
    }
}
