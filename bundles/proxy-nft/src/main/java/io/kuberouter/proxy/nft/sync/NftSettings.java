package io.kuberouter.proxy.nft.sync;

import io.kuberouter.proxy.model.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * What the nftables controller is configured with.
 *
 * @param model the shared builder's flags
 * @param masqueradeAll {@code --masquerade-all}
 * @param syncPeriod {@code --ipvs-sync-period}: the longest time between full syncs (kube-router has one period
 *     for its proxy, whatever the backend)
 */
public record NftSettings(Settings model, boolean masqueradeAll, Duration syncPeriod) {

    public NftSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(syncPeriod, "syncPeriod");
    }
}
