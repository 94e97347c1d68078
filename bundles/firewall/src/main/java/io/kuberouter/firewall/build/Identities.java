package io.kuberouter.firewall.build;

import io.kuberouter.api.cluster.ObjectKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hash identities of one kind of object (pods or policies) in one build: upstream's namespace + name, except
 * that an object whose concatenation an earlier object (by namespace, then name) already uses gets
 * {@link Names#uniqueIdentity}, so two objects never share a chain or an ipset.
 */
final class Identities {

    private final Map<ObjectKey, String> byKey = new HashMap<>();

    Identities(Collection<ObjectKey> keys) {
        Set<String> used = new HashSet<>();
        for (ObjectKey key : new TreeSet<>(keys)) {
            String plain = Names.identity(key.namespace(), key.name());
            byKey.put(key, used.add(plain) ? plain : Names.uniqueIdentity(key.namespace(), key.name()));
        }
    }

    /** The identity of {@code key}, which must be one of the keys given. */
    String of(ObjectKey key) {
        String id = byKey.get(key);
        if (id == null) {
            throw new IllegalArgumentException("unknown object " + key);
        }
        return id;
    }
}
