package io.kuberouter.bgp.codec.model;

/** Range checks for the unsigned wire fields the model stores in Java ints and longs. */
final class Unsigned {

    private Unsigned() {
    }

    static int u8(String field, int value) {
        return check(field, value, 0xFFL);
    }

    static int u16(String field, int value) {
        return check(field, value, 0xFFFFL);
    }

    static long u32(String field, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " out of range 0.." + 0xFFFF_FFFFL + ": " + value);
        }
        return value;
    }

    private static int check(String field, int value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " out of range 0.." + max + ": " + value);
        }
        return value;
    }
}
