package io.kuberouter.kernel.api.netfilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Builds an {@code ipset restore} script for {@link Ipsets#restore(CharSequence)}. Not thread-safe.
 *
 * <p>{@link #replace(IpsetSpec, Collection)} is the atomic way to set a set's whole contents: it fills
 * a temporary set and swaps it in, so packets never see a half-filled set.
 */
public final class IpsetBatch {

    private final StringBuilder script = new StringBuilder();
    private int commands;

    /** {@code create NAME OPTIONS} (no error if an identical set exists). */
    public IpsetBatch create(IpsetSpec spec) {
        return command("create " + spec.name() + " " + spec.options());
    }

    /**
     * {@code add SET ENTRY}; the entry may carry options, e.g. {@code 10.0.0.0/8 nomatch} or
     * {@code 10.1.2.3,tcp:80}.
     */
    public IpsetBatch add(String set, String entry) {
        return command("add " + checked(set) + " " + entry(entry));
    }

    /** {@code del SET ENTRY} (no error if the entry is missing). */
    public IpsetBatch del(String set, String entry) {
        return command("del " + checked(set) + " " + entry(entry));
    }

    /** {@code flush SET}: removes all entries. */
    public IpsetBatch flush(String set) {
        return command("flush " + checked(set));
    }

    /** {@code destroy SET}; fails if the set is missing or still referenced by iptables. */
    public IpsetBatch destroy(String set) {
        return command("destroy " + checked(set));
    }

    /** {@code swap A B}: exchanges the contents (and names) of two sets of the same type and family. */
    public IpsetBatch swap(String a, String b) {
        return command("swap " + checked(a) + " " + checked(b));
    }

    /**
     * Sets the entries of {@code spec.name()} to exactly {@code entries}: create temp set (or reuse a
     * left-over one), flush it, fill it, create the target if missing, swap, destroy the temp. If the
     * target exists its type and family must match {@code spec}.
     */
    public IpsetBatch replace(IpsetSpec spec, Collection<String> entries) {
        String tmp = tempName(spec);
        create(spec.named(tmp)).flush(tmp);
        for (String e : entries) {
            add(tmp, e);
        }
        return create(spec).swap(tmp, spec.name()).destroy(tmp);
    }

    /**
     * The temporary set {@link #replace} uses for {@code spec}: {@code TMP-} + the first 16 hex digits
     * of the SHA-1 of the set's name and options, so replaces of different sets never collide.
     */
    public static String tempName(IpsetSpec spec) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((spec.name() + " " + spec.options()).getBytes(StandardCharsets.UTF_8));
            return "TMP-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is mandatory in every JRE", e);
        }
    }

    /** Number of commands so far. */
    public int size() {
        return commands;
    }

    /** The script: one command per line, each ending in a newline. */
    public String script() {
        return script.toString();
    }

    @Override
    public String toString() {
        return script();
    }

    private IpsetBatch command(String line) {
        script.append(line).append('\n');
        commands++;
        return this;
    }

    private static String checked(String set) {
        IpsetSpec.checkName(set);
        return set;
    }

    private static String entry(String entry) {
        if (entry.isBlank() || entry.indexOf('\n') >= 0 || entry.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("bad ipset entry: '" + entry + "'");
        }
        return entry.strip();
    }
}
