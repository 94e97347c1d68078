package io.kuberouter.kernel.api;

/** Address and route scopes ({@code RT_SCOPE_*}). */
public enum Scope {
    UNIVERSE(0), SITE(200), LINK(253), HOST(254), NOWHERE(255);

    private final int number;

    Scope(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The scope with this number. */
    public static Scope of(int number) {
        for (Scope s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope " + number);
    }
}
