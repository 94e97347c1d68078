package io.kuberouter.kernel.api.ipvs;

/**
 * Traffic counters of a service or destination ({@code IPVS_STATS_ATTR_*}, 64-bit variants). Totals
 * are since creation; rates are the kernel's 2-second estimates per second.
 */
public record IpvsStats(long connections, long inPackets, long outPackets, long inBytes, long outBytes,
        long connectionRate, long inPacketRate, long outPacketRate, long inByteRate, long outByteRate) {

    /** All counters zero. */
    public static final IpvsStats ZERO = new IpvsStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
