package io.kuberouter.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An in-memory dataplane of string objects of the form {@code "name=value"}: its realized objects,
 * a log of the calls it received, and objects it refuses. Objects whose name starts with
 * {@code foreign-} belong to another owner and must survive pruning.
 */
class FakeKernel implements Operations<String> {

    final TreeMap<String, String> realized = new TreeMap<>();
    final List<String> calls = new ArrayList<>();
    final Set<String> refused = new HashSet<>();
    boolean refusePrune;

    static String name(String object) {
        return object.substring(0, object.indexOf('='));
    }

    @Override
    public void update(String object) throws Exception {
        calls.add("update " + object);
        refuse(object);
        realized.put(name(object), object);
    }

    @Override
    public void delete(String object) throws Exception {
        calls.add("delete " + object);
        refuse(object);
        realized.remove(name(object));
    }

    @Override
    public void prune(Collection<String> desired) throws Exception {
        calls.add("prune " + new TreeSet<>(desired));
        if (refusePrune) {
            throw new IllegalStateException("prune refused");
        }
        realized.values().removeIf(o -> !o.startsWith("foreign-") && !desired.contains(o));
    }

    void refuse(String object) throws Exception {
        if (refused.contains(object)) {
            throw new IllegalStateException("refused " + object);
        }
    }

    /** Forgets the calls so far. */
    List<String> takeCalls() {
        List<String> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }
}
