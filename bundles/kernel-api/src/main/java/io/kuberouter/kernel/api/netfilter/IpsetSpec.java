package io.kuberouter.kernel.api.netfilter;

import io.kuberouter.kernel.api.AddressFamily;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Create parameters of a hash-type ipset, e.g.
 * {@code create KUBE-SRC-X hash:ip family inet hashsize 1024 maxelem 65536 timeout 0}.
 *
 * @param name set name, 1..31 characters without whitespace
 * @param type {@code hash:ip}, {@code hash:net}, {@code hash:ip,port}, {@code hash:ip,port,ip}, ...
 * @param family address family of the entries
 * @param hashsize initial hash size (power of two &gt;= 64)
 * @param maxelem maximum number of entries &gt; 0
 * @param timeout default entry timeout in seconds if the set supports timeouts (0 = entries never
 *        expire), empty for a set without the timeout extension
 */
public record IpsetSpec(String name, String type, AddressFamily family, int hashsize, int maxelem,
        OptionalInt timeout) {

    /** Longest set name the kernel accepts ({@code IPSET_MAXNAMELEN} - 1). */
    public static final int MAX_NAME = 31;

    public IpsetSpec {
        checkName(name);
        if (type == null || !type.matches("hash:[a-z]+(,[a-z]+)*")) {
            throw new IllegalArgumentException("unsupported ipset type: " + type);
        }
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(timeout, "timeout");
        if (hashsize < 64 || Integer.bitCount(hashsize) != 1 || maxelem <= 0 || timeout.orElse(0) < 0) {
            throw new IllegalArgumentException("bad hashsize/maxelem/timeout for set " + name);
        }
    }

    /** kube-router's defaults: hashsize 1024, maxelem 65536, timeout 0. */
    public static IpsetSpec of(String name, String type, AddressFamily family) {
        return new IpsetSpec(name, type, family, 1024, 65536, OptionalInt.of(0));
    }

    /** The same parameters under another name. */
    public IpsetSpec named(String newName) {
        return new IpsetSpec(newName, type, family, hashsize, maxelem, timeout);
    }

    /** Everything after the name in a {@code create} command: type and options. */
    public String options() {
        return type + " family " + (family == AddressFamily.INET ? "inet" : "inet6") + " hashsize " + hashsize
                + " maxelem " + maxelem + (timeout.isPresent() ? " timeout " + timeout.getAsInt() : "");
    }

    /**
     * Checks a set name.
     *
     * @throws IllegalArgumentException empty, longer than {@link #MAX_NAME} or containing whitespace
     */
    public static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad ipset name: '" + name + "'");
        }
    }
}
