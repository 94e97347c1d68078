package io.kuberouter.kernel.api;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The two IP address families, with their {@code AF_*} numbers. */
public enum AddressFamily {
    INET(2, 32), INET6(10, 128);

    private final int number;
    private final int bits;

    AddressFamily(int number, int bits) {
        this.number = number;
        this.bits = bits;
    }

    /** {@code AF_INET} (2) or {@code AF_INET6} (10). */
    public int number() {
        return number;
    }

    /** Address length in bits: 32 or 128. */
    public int bits() {
        return bits;
    }

    /** The family of an address. */
    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }
}
