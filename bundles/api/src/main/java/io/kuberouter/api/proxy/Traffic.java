package io.kuberouter.api.proxy;

/**
 * Traffic counters of a virtual server or of one of its destinations, totals since the kernel created it.
 *
 * @param connections connections scheduled
 * @param packetsIn packets from clients
 * @param packetsOut packets to clients (0 where replies bypass the node, e.g. tunnelled delivery)
 * @param bytesIn bytes from clients
 * @param bytesOut bytes to clients
 */
public record Traffic(long connections, long packetsIn, long packetsOut, long bytesIn, long bytesOut) {

    /** No traffic. */
    public static final Traffic ZERO = new Traffic(0, 0, 0, 0, 0);
}
