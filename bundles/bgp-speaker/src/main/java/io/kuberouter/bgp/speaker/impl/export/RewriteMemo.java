package io.kuberouter.bgp.speaker.impl.export;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.kuberouter.bgp.speaker.impl.policy.Verdict;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;

/**
 * Rewritten attribute sets of one round, so that the prefixes sharing attributes, source and
 * verdict are rewritten once. Holds a reference on each result until {@link #clear}.
 */
public final class RewriteMemo {

    private final AttributeInterner interner;
    private final Map<Key, PathAttributes> results = new HashMap<>();

    public RewriteMemo(AttributeInterner interner) {
        this.interner = interner;
    }

    /** The memoized result, computed by {@code rewrite} (which returns a held reference) once. */
    public PathAttributes get(PathAttributes input, int source, Verdict verdict, Supplier<PathAttributes> rewrite) {
        Key key = new Key(input, source, verdict);
        PathAttributes result = results.get(key);
        if (result == null) {
            result = rewrite.get();
            results.put(key, result);
        }
        return result;
    }

    /** Gives back the references of all results. */
    public void clear() {
        results.values().forEach(interner::release);
        results.clear();
    }

    private record Key(PathAttributes input, int source, Verdict verdict) {
    }
}
