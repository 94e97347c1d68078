package io.kuberouter.bgp.speaker.impl.rib;

import io.kuberouter.bgp.codec.model.IpPrefix;

/**
 * Prefixes as {@code long} keys: IPv4 as {@code address << 8 | length} in one word, IPv6 as the
 * two address halves and the length in three. Host bits are zero (IpPrefix clears them), so equal
 * prefixes give equal keys.
 */
final class PrefixKeys {

    private PrefixKeys() {
    }

    static long[] encode(IpPrefix prefix, boolean ipv4) {
        byte[] address = prefix.address().getAddress();
        if (ipv4 != (address.length == 4)) {
            throw new IllegalArgumentException(prefix + " is not an " + (ipv4 ? "IPv4" : "IPv6") + " prefix");
        }
        if (ipv4) {
            return new long[] {(word(address, 0, 4) << 8) | prefix.length()};
        }
        return new long[] {word(address, 0, 8), word(address, 8, 8), prefix.length()};
    }

    static IpPrefix decode(long[] keys, int base, boolean ipv4) {
        if (ipv4) {
            long key = keys[base];
            byte[] address = new byte[4];
            fill(address, 0, 4, key >>> 8);
            return new IpPrefix(IpPrefix.addressOf(address), (int) (key & 0xFF));
        }
        byte[] address = new byte[16];
        fill(address, 0, 8, keys[base]);
        fill(address, 8, 8, keys[base + 1]);
        return new IpPrefix(IpPrefix.addressOf(address), (int) keys[base + 2]);
    }

    /** A well-mixed hash of {@code words} longs: {@link #mix} per word, then {@link #finish}. */
    static int hash(long[] keys, int base, int words) {
        long h = 0;
        for (int i = 0; i < words; i++) {
            h = mix(h, keys[base + i]);
        }
        return finish(h);
    }

    /** Adds one word to a running hash (steps of the 64-bit finalizer of MurmurHash3). */
    static long mix(long hash, long word) {
        long h = (hash ^ word) * 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    static int finish(long hash) {
        long h = hash * 0xc4ceb9fe1a85ec53L;
        return (int) (h ^ (h >>> 33));
    }

    private static long word(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    private static void fill(byte[] bytes, int offset, int length, long value) {
        for (int i = length - 1; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
