package io.kuberouter.kernel.api.sysctl;

import io.kuberouter.kernel.api.KernelException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes kernel parameters of the calling thread's network namespace.
 *
 * <p>Keys are paths relative to {@code /proc/sys} with {@code /} separators, e.g.
 * {@code net/ipv4/vs/conntrack} or {@code net/ipv4/conf/eth0.100/rp_filter} (slashes, so interface
 * names containing dots stay unambiguous); see {@link #key(String...)}. A missing key fails with
 * ENOENT.
 */
@ProviderType
public interface Sysctls {

    /** The current value, trimmed of surrounding whitespace. */
    String get(String key) throws KernelException;

    /** Writes {@code value}; idempotent. */
    void set(String key, String value) throws KernelException;

    /**
     * Joins path segments into a key, e.g. {@code key("net", "ipv4", "conf", "eth0", "rp_filter")}.
     *
     * @throws IllegalArgumentException a segment is empty, {@code .}, {@code ..} or contains {@code /}
     */
    static String key(String... segments) {
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.contains("/")) {
                throw new IllegalArgumentException("bad sysctl key segment: '" + s + "'");
            }
        }
        return String.join("/", segments);
    }
}
