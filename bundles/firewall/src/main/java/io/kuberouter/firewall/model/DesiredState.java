package io.kuberouter.firewall.model;

import io.kuberouter.api.cluster.IpFamily;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the firewall wants in the kernel after one sync, built from one cluster snapshot.
 *
 * @param version the sync version: upstream's {@code syncVersion}, the sync's start time in Unix nanoseconds
 * @param revision the cluster snapshot's revision it was built from
 * @param families per enabled IP family
 * @param problems input that was skipped
 */
public record DesiredState(String version, long revision, Map<IpFamily, FamilyState> families,
        List<Problem> problems) {

    public DesiredState {
        Objects.requireNonNull(version, "version");
        families = Collections.unmodifiableMap(families.isEmpty() ? new EnumMap<>(IpFamily.class)
                : new EnumMap<>(families));
        problems = List.copyOf(problems);
    }

    /** The state of one family, or {@code null} when the family is not enabled. */
    public FamilyState family(IpFamily family) {
        return families.get(family);
    }
}
