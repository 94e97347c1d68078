package io.kuberouter.bgp.speaker.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.kuberouter.bgp.codec.model.Community;

/**
 * What a matching statement does.
 *
 * @param disposition accept, reject, or go on with the next statement
 * @param prepend AS_PATH prepending, applied after the speaker's own AS was prepended for an
 *     external peer
 * @param nextHopSelf set NEXT_HOP to the speaker's address on the session (kube-router's
 *     {@code --override-nexthop})
 * @param addCommunities COMMUNITIES to add (RFC 1997)
 */
public record Actions(RouteDisposition disposition, Optional<AsPathPrepend> prepend, boolean nextHopSelf,
        List<Community> addCommunities) {

    /** Accept without changes. */
    public static final Actions ACCEPT = new Actions(RouteDisposition.ACCEPT, Optional.empty(), false, List.of());

    /** Reject. */
    public static final Actions REJECT = new Actions(RouteDisposition.REJECT, Optional.empty(), false, List.of());

    public Actions {
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(prepend, "prepend");
        addCommunities = List.copyOf(addCommunities);
    }

    /** True when the actions change the route's attributes. */
    public boolean modifiesRoute() {
        return disposition != RouteDisposition.REJECT
                && (prepend.isPresent() || nextHopSelf || !addCommunities.isEmpty());
    }
}
