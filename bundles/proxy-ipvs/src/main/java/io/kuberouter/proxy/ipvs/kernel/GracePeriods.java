package io.kuberouter.proxy.ipvs.kernel;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How long a removed destination may drain: the {@code terminationGracePeriodSeconds} of the pod with that
 * address, else {@code --ipvs-graceful-period} (behaviour inventory §3.8).
 */
@FunctionalInterface
public interface GracePeriods {

    Duration of(InetAddress endpoint);

    /** The same period for every endpoint. */
    static GracePeriods fixed(Duration period) {
        return endpoint -> period;
    }
}
