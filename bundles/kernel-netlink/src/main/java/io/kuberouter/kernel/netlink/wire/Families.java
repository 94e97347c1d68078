package io.kuberouter.kernel.netlink.wire;

import io.kuberouter.kernel.api.AddressFamily;

/** Maps {@code AF_*} numbers of received messages to {@link AddressFamily}. */
public final class Families {

    private Families() {
    }

    /**
     * The family with this {@code AF_*} number.
     *
     * @throws MalformedMessageException neither AF_INET nor AF_INET6
     */
    public static AddressFamily of(int number) {
        for (AddressFamily f : AddressFamily.values()) {
            if (f.number() == number) {
                return f;
            }
        }
        throw new MalformedMessageException("unexpected address family " + number);
    }

    /** True iff {@code number} is AF_INET or AF_INET6. */
    public static boolean isInet(int number) {
        return number == AddressFamily.INET.number() || number == AddressFamily.INET6.number();
    }
}
