package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.proxy.ipvs.kernel.ProxyOptions;
import io.kuberouter.proxy.model.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the proxy's configuration decides.
 *
 * @param model which frontends and backends Services get
 * @param kernel how the kernel state around the virtual services looks
 * @param syncPeriod {@code --ipvs-sync-period}: the longest time between full syncs
 */
public record ProxySettings(Settings model, ProxyOptions kernel, Duration syncPeriod) {

    public ProxySettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kernel, "kernel");
        if (syncPeriod.isZero() || syncPeriod.isNegative()) {
            throw new IllegalArgumentException("--ipvs-sync-period must be greater than 0: " + syncPeriod);
        }
    }
}
