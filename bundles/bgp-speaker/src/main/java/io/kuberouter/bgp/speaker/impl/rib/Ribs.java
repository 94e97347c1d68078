package io.kuberouter.bgp.speaker.impl.rib;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.kuberouter.bgp.codec.model.AddressFamily;

/** The RIBs of the families the speaker supports (IPv4 and IPv6 unicast) and what they share. */
public final class Ribs {

    private final AttributeInterner interner;
    private final PathSources sources;
    private final Map<AddressFamily, FamilyRib> byFamily = new LinkedHashMap<>();

    public Ribs(AttributeInterner interner, PathSources sources) {
        this.interner = interner;
        this.sources = sources;
        for (AddressFamily family : Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            byFamily.put(family, new FamilyRib(family, sources, interner));
        }
    }

    /** The RIB of {@code family}, or null when the speaker does not support it. */
    public FamilyRib get(AddressFamily family) {
        return byFamily.get(family);
    }

    public Collection<FamilyRib> all() {
        return byFamily.values();
    }

    public AttributeInterner interner() {
        return interner;
    }

    public PathSources sources() {
        return sources;
    }
}
