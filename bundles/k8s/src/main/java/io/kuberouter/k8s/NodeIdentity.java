package io.kuberouter.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Resolves this node's name as kube-router does: override, else {@code $NODE_NAME}, else the host name. */
final class NodeIdentity {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private NodeIdentity() {
    }

    /**
     * @param override {@code --hostname-override}, may be empty
     * @param env environment lookup
     * @param hostname the kernel's host name, read only when needed
     */
    static String resolve(String override, Function<String, String> env, java.util.function.Supplier<String> hostname) {
        if (!override.isBlank()) {
            return override.trim();
        }
        String fromEnv = env.apply("NODE_NAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        String host = hostname.get();
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("cannot determine the node name: set --hostname-override or NODE_NAME");
        }
        return host.trim();
    }

    /** The kernel host name, as Go's {@code os.Hostname()} reads it. */
    static String kernelHostname() {
        try {
            return Files.readString(KERNEL_HOSTNAME);
        } catch (IOException e) {
            return null;
        }
    }
}
