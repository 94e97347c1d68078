package io.kuberouter.launcher.flags;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Every flag the launcher accepts: kube-router v2.11's and kube-router-jvm's extensions, sorted by name. */
public final class FlagRegistry {

    private static final List<Flag<?>> ALL = Stream.of(GeneralFlags.all(), ServiceProxyFlags.all(),
                    NetworkPolicyFlags.all(), RoutingFlags.all(), BgpFlags.all(), LoadBalancerFlags.all(),
                    ExtensionFlags.all())
            .flatMap(List::stream)
            .sorted(Comparator.comparing(Flag::name))
            .toList();
    private static final Map<String, Flag<?>> BY_NAME = index(Flag::name);
    private static final Map<String, Flag<?>> BY_SHORTHAND = index(Flag::shorthand);

    private FlagRegistry() {
    }

    /** All flags, sorted by name as pflag lists them. */
    public static List<Flag<?>> all() {
        return ALL;
    }

    /** The flag with this long name (without dashes). */
    public static Optional<Flag<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The flag with this one-letter shorthand. */
    static Optional<Flag<?>> byShorthand(char letter) {
        return Optional.ofNullable(BY_SHORTHAND.get(String.valueOf(letter)));
    }

    private static Map<String, Flag<?>> index(Function<Flag<?>, String> key) {
        Map<String, Flag<?>> index = new HashMap<>();
        for (Flag<?> flag : ALL) {
            String value = key.apply(flag);
            if (!value.isEmpty() && index.put(value, flag) != null) {
                throw new IllegalStateException("two flags share the name or shorthand " + value);
            }
        }
        return Map.copyOf(index);
    }
}
