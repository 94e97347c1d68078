package io.kuberouter.kernel.api.route;

/** Route types ({@code RTN_*}). */
public enum RouteType {
    UNICAST(1), LOCAL(2), BROADCAST(3), ANYCAST(4), MULTICAST(5), BLACKHOLE(6), UNREACHABLE(7), PROHIBIT(8),
    THROW(9);

    private final int number;

    RouteType(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The type with this number. */
    public static RouteType of(int number) {
        for (RouteType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown route type " + number);
    }
}
