package io.kuberouter.launcher.flags;

/**
 * Upstream's BFD settings rules (RFC 5880 limits), applied to the global BFD flags when {@code --enable-bfd} is
 * given: port 1-65535, detection multiplier 1-255, intervals 1-4294967 ms (the largest that fits in microseconds
 * in 32 bits). Messages are upstream's.
 */
final class BfdChecks {

    private static final long MAX_PORT = 65535;
    private static final long MAX_MULTIPLIER = 255;
    private static final long MAX_INTERVAL_MILLIS = 0xFFFF_FFFFL / 1000;

    private BfdChecks() {
    }

    /** @throws CommandLineException (start-up) at the first value out of range */
    static void check(Options options) {
        if (!options.get(BgpFlags.ENABLE_BFD)) {
            return;
        }
        long port = options.get(BgpFlags.BFD_PORT);
        if (port == 0 || port > MAX_PORT) {
            throw CommandLineException.startup("bfd port must be between 1 and " + MAX_PORT + ", got " + port);
        }
        long multiplier = options.get(BgpFlags.BFD_DETECTION_MULTIPLIER);
        if (multiplier == 0 || multiplier > MAX_MULTIPLIER) {
            throw CommandLineException.startup("bfd detection multiplier must be between 1 and " + MAX_MULTIPLIER
                    + ", got " + multiplier);
        }
        checkInterval("desired min tx", options.get(BgpFlags.BFD_DESIRED_MIN_TX_INTERVAL));
        checkInterval("required min rx", options.get(BgpFlags.BFD_REQUIRED_MIN_RX_INTERVAL));
    }

    private static void checkInterval(String name, long millis) {
        if (millis == 0 || millis > MAX_INTERVAL_MILLIS) {
            throw CommandLineException.startup("bfd " + name + " interval must be between 1 and "
                    + MAX_INTERVAL_MILLIS + " milliseconds, got " + millis);
        }
    }
}
