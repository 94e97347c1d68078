package io.kuberouter.kernel.api.netns;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A network namespace identified by a file that holds it open: {@code /run/netns/NAME} (created by
 * {@code ip netns add}) or {@code /proc/PID/ns/net} (the namespace of a process, e.g. a pod).
 *
 * @param path absolute path of the namespace file
 * @param name the {@code ip netns} name, or empty for a non-named namespace
 */
public record NetnsRef(Path path, String name) {

    /** Directory where {@code ip netns} bind-mounts named namespaces. */
    public static final Path NAMED_DIR = Path.of("/run/netns");

    public NetnsRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("netns path must be absolute: " + path);
        }
    }

    /** The namespace {@code ip netns} knows as {@code name}. */
    public static NetnsRef named(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("bad netns name: " + name);
        }
        return new NetnsRef(NAMED_DIR.resolve(name), name);
    }

    /** The namespace of process {@code pid}. */
    public static NetnsRef ofPid(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("bad pid " + pid);
        }
        return new NetnsRef(Path.of("/proc", Long.toString(pid), "ns", "net"), "");
    }

    /** True iff this namespace has an {@code ip netns} name. */
    public boolean isNamed() {
        return !name.isEmpty();
    }

    @Override
    public String toString() {
        return isNamed() ? name : path.toString();
    }
}
