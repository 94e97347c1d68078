package io.kuberouter.kernel.api.ipvs;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A virtual service.
 *
 * @param key identity
 * @param scheduler scheduler name: {@code rr}, {@code wrr}, {@code lc}, {@code wlc}, {@code sh},
 *        {@code mh}, {@code dh}, ... (the kernel answers ENOENT for an unloaded scheduler)
 * @param flags service flags (unmodifiable)
 * @param timeout persistence timeout in seconds, used with {@link ServiceFlag#PERSISTENT}
 * @param netmask persistence granularity as a prefix length: 0..32 for IPv4, 0..128 for IPv6 (kernel
 *        default: 32 / 128)
 */
public record VirtualService(ServiceKey key, String scheduler, Set<ServiceFlag> flags, int timeout, int netmask) {

    public VirtualService {
        Objects.requireNonNull(key, "key");
        if (scheduler == null || !scheduler.matches("[a-z0-9_]{1,15}")) {
            throw new IllegalArgumentException("bad scheduler name: " + scheduler);
        }
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        if (timeout < 0 || netmask < 0 || netmask > key.family().bits()) {
            throw new IllegalArgumentException("bad timeout/netmask " + timeout + "/" + netmask + " for " + key);
        }
    }

    /** A service without flags or persistence, host netmask. */
    public static VirtualService of(ServiceKey key, String scheduler) {
        return new VirtualService(key, scheduler, Set.of(), 0, key.family().bits());
    }

    /** This service with another scheduler, flags and timeout (the key and netmask kept). */
    public VirtualService with(String newScheduler, Set<ServiceFlag> newFlags, int newTimeout) {
        return new VirtualService(key, newScheduler, newFlags, newTimeout, netmask);
    }
}
