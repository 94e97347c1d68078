package io.kuberouter.firewall.sync;

import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.firewall.FirewallView;
import io.kuberouter.api.firewall.PodFirewall;
import io.kuberouter.firewall.model.DesiredState;
import java.util.Map;

/**
 * The firewall's {@link FirewallView}: the state of the last successful sync, published by the sync thread and
 * turned into the per-pod view only when a reader asks (a sync pays nothing for it).
 */
final class ProgrammedView implements FirewallView {

    private volatile DesiredState programmed;

    @Override
    public long revision() {
        DesiredState state = programmed;
        return state == null ? 0 : state.revision();
    }

    @Override
    public Map<ObjectKey, PodFirewall> pods() {
        DesiredState state = programmed;
        return state == null ? Map.of() : PodFirewalls.of(state);
    }

    /** The kernel now holds {@code state}; {@code null}: the firewall's state was removed. */
    void publish(DesiredState state) {
        programmed = state;
    }
}
