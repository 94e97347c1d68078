package io.kuberouter.launcher.flags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The values being collected while one command line is parsed: defaults first, then each explicit use. */
final class FlagValues {

    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> explicitlySet = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    FlagValues() {
        for (Flag<?> flag : FlagRegistry.all()) {
            values.put(flag.name(), flag.defaultValue());
        }
    }

    /**
     * Applies one explicit use of a flag.
     *
     * @throws CommandLineException with pflag's {@code invalid argument "x" for "--flag" flag: reason}
     */
    <T> void set(Flag<T> flag, String text) {
        try {
            values.put(flag.name(), flag.type().apply(get(flag), explicitlySet.add(flag.name()), text));
        } catch (IllegalArgumentException invalid) {
            throw CommandLineException.syntax("invalid argument " + GoText.quote(text) + " for "
                    + GoText.quote(flag.displayName()) + " flag: " + invalid.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    <T> T get(Flag<T> flag) {
        return (T) values.get(flag.name());
    }

    void addPositional(String argument) {
        positional.add(argument);
    }

    List<String> positional() {
        return List.copyOf(positional);
    }

    /** A snapshot without resolved secrets; the start-up checks add them. */
    Options toOptions() {
        return new Options(values, explicitlySet, ResolvedSecrets.NONE);
    }
}
