package io.kuberouter.router.sync;

import io.kuberouter.bgp.speaker.BestPathChange;
import io.kuberouter.bgp.speaker.BestPathListener;
import io.kuberouter.bgp.speaker.Route;
import io.kuberouter.kernel.api.IpPrefix;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The best paths learned from peers (the speaker's Loc-RIB minus our own routes), by prefix, with their next hop.
 * Fed on the speaker's loop thread; each batch of changes requests a route sync.
 */
final class LearnedRoutes implements BestPathListener {

    private final Map<IpPrefix, InetAddress> nextHops = new ConcurrentHashMap<>();
    private final Runnable changed;

    LearnedRoutes(Runnable changed) {
        this.changed = changed;
    }

    @Override
    public void bestPathsChanged(List<BestPathChange> changes) {
        for (BestPathChange change : changes) {
            IpPrefix prefix = new IpPrefix(change.prefix().address(), change.prefix().length());
            Route best = change.best().orElse(null);
            if (best == null || best.isLocal()) {
                nextHops.remove(prefix);
            } else {
                nextHops.put(prefix, best.nextHop());
            }
        }
        changed.run();
    }

    /** A copy of the current next hops. */
    Map<IpPrefix, InetAddress> snapshot() {
        return Map.copyOf(nextHops);
    }

    void clear() {
        nextHops.clear();
        changed.run();
    }
}
