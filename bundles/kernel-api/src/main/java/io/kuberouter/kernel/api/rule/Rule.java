package io.kuberouter.kernel.api.rule;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy routing rule whose action is "lookup {@code table}", e.g.
 * {@code ip rule add fwmark 0x1f3 lookup 78 priority 32764}.
 *
 * @param family address family
 * @param priority rule priority 0..32767 (lower is earlier)
 * @param fwmark packet mark to match, compared under {@code fwmask}; ignored if {@code fwmask} is 0
 * @param fwmask mark mask, 0 = do not match marks ({@code 0xffffffff} is the plain {@code fwmark X})
 * @param src source prefix, empty = from all
 * @param dst destination prefix, empty = to all
 * @param table routing table to look up (&gt; 0)
 */
public record Rule(AddressFamily family, int priority, int fwmark, int fwmask, Optional<IpPrefix> src,
        Optional<IpPrefix> dst, int table) {

    public Rule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        if (priority < 0 || priority > 32767 || table <= 0) {
            throw new IllegalArgumentException("bad rule priority/table " + priority + "/" + table);
        }
        if ((fwmark & ~fwmask) != 0) {
            throw new IllegalArgumentException("fwmark has bits outside fwmask");
        }
        if (src.map(p -> p.family() != family).orElse(false) || dst.map(p -> p.family() != family).orElse(false)) {
            throw new IllegalArgumentException("rule prefixes must be " + family);
        }
    }

    /** {@code fwmark MARK lookup TABLE priority PRIORITY} (full mask). */
    public static Rule fwmark(AddressFamily family, int priority, int fwmark, int table) {
        return new Rule(family, priority, fwmark, -1, Optional.empty(), Optional.empty(), table);
    }

    /** {@code from PREFIX lookup TABLE priority PRIORITY}. */
    public static Rule from(IpPrefix src, int priority, int table) {
        return new Rule(src.family(), priority, 0, 0, Optional.of(src), Optional.empty(), table);
    }

    /** {@code from all lookup TABLE priority PRIORITY}. */
    public static Rule all(AddressFamily family, int priority, int table) {
        return new Rule(family, priority, 0, 0, Optional.empty(), Optional.empty(), table);
    }
}
