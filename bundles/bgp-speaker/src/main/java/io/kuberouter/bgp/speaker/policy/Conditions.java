package io.kuberouter.bgp.speaker.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The conditions of a statement; all present ones must match, none present matches every route.
 *
 * @param prefixSet the route's prefix against a prefix set
 * @param neighborSet the peer against a neighbor set: the peer the route came from on import, the
 *     peer it is sent to on export
 */
public record Conditions(Optional<SetMatch> prefixSet, Optional<SetMatch> neighborSet) {

    /** Matches every route. */
    public static final Conditions ALWAYS = new Conditions(Optional.empty(), Optional.empty());

    public Conditions {
        Objects.requireNonNull(prefixSet, "prefixSet");
        Objects.requireNonNull(neighborSet, "neighborSet");
    }

    /** Routes whose prefix is in {@code prefixSet} exchanged with peers in {@code neighborSet}. */
    public static Conditions of(String prefixSet, String neighborSet) {
        return new Conditions(Optional.of(SetMatch.any(prefixSet)), Optional.of(SetMatch.any(neighborSet)));
    }
}
