package io.kuberouter.kernel.exec.it;

import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.exec.process.ProcessRunner;
import io.kuberouter.kernel.exec.process.SystemProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A throw-away network namespace {@code krtest-<random>} for real-kernel tests; {@link #close()}
 * deletes it (and with it every link, rule, table and ipset created inside). Needs root.
 */
final class TestNetns implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NetnsRef ref;

    private TestNetns(NetnsRef ref) {
        this.ref = ref;
    }

    /** Creates the namespace and sets {@code lo} up. */
    static TestNetns create() throws IOException {
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        TestNetns ns = new TestNetns(NetnsRef.named("krtest-" + HexFormat.of().formatHex(id)));
        run("ip", "netns", "add", ns.name());
        try {
            run("ip", "-n", ns.name(), "link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    String name() {
        return ref.name();
    }

    NetnsRef ref() {
        return ref;
    }

    /** A process runner whose commands run inside this namespace ({@code ip netns exec}). */
    ProcessRunner runner() {
        return new SystemProcessRunner().inNetns(ref);
    }

    @Override
    public void close() throws IOException {
        run("ip", "netns", "delete", ref.name());
        if (Files.exists(ref.path())) {
            throw new IllegalStateException("namespace " + ref + " still exists");
        }
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " interrupted", e);
        }
    }
}
