package io.kuberouter.bgp.speaker.policy;

/** What a statement or a default action does with the route. */
public enum RouteDisposition {
    /** Apply the actions and continue with the next statement. */
    NONE,
    /** Apply the actions and accept the route. */
    ACCEPT,
    /** Reject the route. */
    REJECT
}
