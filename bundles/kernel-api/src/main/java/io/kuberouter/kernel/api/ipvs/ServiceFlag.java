package io.kuberouter.kernel.api.ipvs;

import java.util.EnumSet;
import java.util.Set;

/**
 * Virtual service flags ({@code IP_VS_SVC_F_*}). {@code IP_VS_SVC_F_HASHED} (0x0002) is kernel-internal:
 * it is never sent and is dropped from listings.
 */
public enum ServiceFlag {
    /** Client persistence for {@link VirtualService#timeout()} seconds (0x0001). */
    PERSISTENT(0x0001),
    /** One-packet scheduling, UDP only (0x0004). */
    ONE_PACKET(0x0004),
    /** Scheduler flag 1 (0x0008): {@code sh-fallback} / {@code mh-fallback}. */
    SCHED_FALLBACK(0x0008),
    /** Scheduler flag 2 (0x0010): {@code sh-port} / {@code mh-port}. */
    SCHED_PORT(0x0010),
    /** Scheduler flag 3 (0x0020), {@code flag-3}. */
    SCHED_FLAG_3(0x0020);

    private final int bit;

    ServiceFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The bitmask of a set of flags. */
    public static int toBits(Set<ServiceFlag> flags) {
        int bits = 0;
        for (ServiceFlag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }

    /** The flags set in {@code bits}; unknown and internal bits are ignored. */
    public static Set<ServiceFlag> fromBits(int bits) {
        EnumSet<ServiceFlag> flags = EnumSet.noneOf(ServiceFlag.class);
        for (ServiceFlag f : values()) {
            if ((bits & f.bit) != 0) {
                flags.add(f);
            }
        }
        return flags;
    }
}
