package io.kuberouter.launcher.flags;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Converts flag values to ConfigAdmin property values: bool to {@code Boolean}; 8/16-bit numbers and ports to
 * {@code Integer}; other unsigned numbers (ASN, BFD values) to {@code Long}; durations to {@code Long}
 * milliseconds; lists to {@code String[]} of canonical texts (CIDRs masked, IPs RFC 5952, numbers decimal); the
 * NodePort range to {@code "first-last"}; strings unchanged. Secrets come from the resolved values.
 */
final class PropertyValues {

    private static final Set<ValueType<?>> INTEGER_TYPES = Set.of(ValueTypes.UINT8, ValueTypes.UINT16,
            ValueTypes.PORT);

    private PropertyValues() {
    }

    static Object of(Flag<?> flag, Options options) {
        if (flag == BgpFlags.PEER_ROUTER_PASSWORDS) {
            return options.peerRouterPasswords().toArray(String[]::new);
        }
        if (flag == ExtensionFlags.WEBCONSOLE_PASSWORD) {
            return options.webConsolePassword();
        }
        Object value = options.get(flag);
        if (value instanceof Duration duration) {
            return duration.toMillis();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PropertyValues::text).toArray(String[]::new);
        }
        if (value instanceof Long number) {
            return INTEGER_TYPES.contains(flag.type()) ? (Object) Math.toIntExact(number) : number;
        }
        if (value instanceof PortRange range) {
            return range.toString();
        }
        return value;
    }

    private static String text(Object element) {
        return element instanceof Long number ? Long.toUnsignedString(number) : element.toString();
    }
}
