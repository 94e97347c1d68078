package io.kuberouter.bgp.speaker;

import java.util.Objects;
import java.util.Optional;

import io.kuberouter.bgp.codec.model.IpPrefix;

/**
 * The new best path of one prefix.
 *
 * @param prefix the destination
 * @param best the selected route, empty when no route to {@code prefix} is left
 */
public record BestPathChange(IpPrefix prefix, Optional<Route> best) {

    public BestPathChange {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(best, "best");
    }

    /** True when the prefix lost its last route. */
    public boolean isWithdrawal() {
        return best.isEmpty();
    }
}
