package io.kuberouter.bgp.speaker.policy;

import java.util.Objects;

/**
 * A condition on a named set.
 *
 * @param setName the prefix or neighbor set
 * @param option whether membership or non-membership matches
 */
public record SetMatch(String setName, MatchOption option) {

    public SetMatch {
        Objects.requireNonNull(setName, "setName");
        Objects.requireNonNull(option, "option");
    }

    /** Matches members of {@code setName}. */
    public static SetMatch any(String setName) {
        return new SetMatch(setName, MatchOption.ANY);
    }
}
