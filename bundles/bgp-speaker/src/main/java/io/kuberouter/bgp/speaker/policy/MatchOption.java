package io.kuberouter.bgp.speaker.policy;

/** How a set condition matches. */
public enum MatchOption {
    /** The route's prefix (or neighbor) is in the set. */
    ANY,
    /** The route's prefix (or neighbor) is not in the set. */
    INVERT
}
