package io.kuberouter.launcher.flags;

import java.util.Objects;

/**
 * One command-line flag: its name, optional one-letter shorthand, value type, default and help text.
 * Instances are the constants of {@link GeneralFlags}, {@link ServiceProxyFlags}, {@link NetworkPolicyFlags},
 * {@link RoutingFlags}, {@link LoadBalancerFlags} and {@link ExtensionFlags}; read values with
 * {@link Options#get(Flag)}.
 *
 * @param <T> the Java type of the value
 * @param name the long name, without dashes
 * @param shorthand the one-letter shorthand, or the empty string
 * @param type how text becomes a value
 * @param defaultValue the value when the flag is not given (upstream's default for upstream flags)
 * @param usage the help text, exactly as upstream's for upstream flags
 * @param origin whether kube-router v2.11 has the flag or kube-router-jvm adds it
 */
public record Flag<T>(String name, String shorthand, ValueType<T> type, T defaultValue, String usage, Origin origin) {

    /** Prefix of the help text of every flag kube-router v2.11 does not have. */
    public static final String EXTENSION_MARK = "[kube-router-jvm extension] ";

    /** Where a flag comes from. */
    public enum Origin {
        /** Declared by kube-router v2.11 ({@code pkg/options/options.go}). */
        UPSTREAM,
        /** Added by kube-router-jvm. */
        EXTENSION
    }

    public Flag {
        Objects.requireNonNull(name);
        Objects.requireNonNull(shorthand);
        Objects.requireNonNull(type);
        Objects.requireNonNull(usage);
        Objects.requireNonNull(origin);
    }

    static <T> Flag<T> upstream(String name, ValueType<T> type, T defaultValue, String usage) {
        return new Flag<>(name, "", type, defaultValue, usage, Origin.UPSTREAM);
    }

    static <T> Flag<T> extension(String name, ValueType<T> type, T defaultValue, String usage) {
        return new Flag<>(name, "", type, defaultValue, EXTENSION_MARK + usage, Origin.EXTENSION);
    }

    Flag<T> withShorthand(String letter) {
        return new Flag<>(name, letter, type, defaultValue, usage, origin);
    }

    /** How pflag names the flag in messages: {@code --master}, or {@code -v, --v} when it has a shorthand. */
    public String displayName() {
        return shorthand.isEmpty() ? "--" + name : "-" + shorthand + ", --" + name;
    }

    /** The default as pflag prints it, e.g. {@code 5m0s}. */
    public String defaultText() {
        return type.format(defaultValue);
    }

    /** The ConfigAdmin property key: the flag name with {@code -} replaced by {@code .}. */
    public String propertyKey() {
        return name.replace('-', '.');
    }
}
