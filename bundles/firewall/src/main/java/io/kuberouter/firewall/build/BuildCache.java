package io.kuberouter.firewall.build;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers, between builds, what the builder computed from which input: each policy's rules and sets per family,
 * each local pod's chain rules and its jumps from the top-level chains. A build reuses a result when its input is
 * equal (inputs hold the snapshot's own objects, so equality is mostly identity), so a pod change costs the policies
 * and pods it touches, not all of them; the state built is identical to a build without the cache. Results a build
 * did not ask for are dropped. Not thread-safe: one cache per sync thread.
 */
public final class BuildCache {

    private record Entry(Object input, Object output) {
    }

    private Map<String, Entry> entries = new HashMap<>();
    private Map<String, Entry> used = new HashMap<>();

    /**
     * The result for {@code key}: the remembered one if it was computed from an input equal to {@code input},
     * else {@code compute.apply(input)}.
     *
     * @param key what is computed, e.g. {@code "policy ns/name IPV4"}; one key, one kind of input and result
     */
    @SuppressWarnings("unchecked")
    <I, O> O get(String key, I input, Function<I, O> compute) {
        Entry known = entries.get(key);
        Entry entry = known != null && known.input().equals(input) ? known : new Entry(input, compute.apply(input));
        used.put(key, entry);
        return (O) entry.output();
    }

    /** Starts a build. */
    void begin() {
        used = new HashMap<>();
    }

    /** Ends a build: only the results it asked for are kept. */
    void finish() {
        entries = used;
        used = new HashMap<>();
    }
}
