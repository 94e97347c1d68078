package io.kuberouter.launcher.flags;

/**
 * How the text given for a flag becomes a typed value, mirroring the pflag {@code Value} kind upstream declares
 * (parsing, appending, usage name, how the default is printed). Implementations are immutable.
 *
 * @param <T> the Java type of the value
 */
public interface ValueType<T> {

    /** pflag's {@code Type()} as usage shows it after the flag name: {@code duration}, {@code strings}; empty for bool. */
    String usageName();

    /**
     * Applies one explicit use of the flag. Scalars replace the current value; slices replace the default on the
     * first explicit use and append on later ones.
     *
     * @param current the value so far (the default before the first use)
     * @param firstUse whether this is the first explicit use
     * @throws IllegalArgumentException with the Go error text pflag would wrap
     */
    T apply(T current, boolean firstUse, String text);

    /** pflag's {@code String()} of a value, as printed for a default: {@code 5m0s}, {@code [10.96.0.0/12]}. */
    String format(T value);

    /** pflag's {@code defaultIsZeroValue}: when true, usage prints no {@code (default ...)}. */
    boolean isZeroDefault(T value);

    /** False for bool flags: {@code --flag} alone means true and never consumes the next argument. */
    default boolean takesArgument() {
        return true;
    }
}
