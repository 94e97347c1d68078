package io.kuberouter.kernel.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A uniquely named network namespace for kernel tests, {@code krt-<pid>-<hex>}, deleted by {@link #close()}.
 * <pre>{@code try (var ns = Netns.create()) { ns.ip("link", "add", "d0", "type", "dummy"); }}</pre>
 * Contract: needs root (uses {@code ip netns}); nothing outside the namespace is touched. Deleting the namespace
 * also deletes its links (veth peers included). Namespaces left by a JVM that no longer runs (same prefix, dead
 * pid) are deleted before this JVM creates its first one; those of live JVMs are never touched.
 */
public final class Netns implements AutoCloseable {
    /** Prefix of every namespace this class creates. */
    public static final String PREFIX = "krt-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-[0-9a-f]+");
    private static final Path NETNS_DIR = Path.of("/run/netns");
    private static final AtomicBoolean STALE_REMOVED = new AtomicBoolean();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final List<Process> started = new ArrayList<>();
    private boolean closed;

    private Netns(String name) {
        this.name = name;
    }

    /** Creates a fresh namespace with {@code lo} up; throws IllegalStateException if {@code ip} fails. */
    public static Netns create() {
        if (STALE_REMOVED.compareAndSet(false, true)) {
            removeStale();
        }
        String name = PREFIX + ProcessHandle.current().pid() + "-" + Integer.toHexString(RANDOM.nextInt() >>> 4);
        Command.run("ip", "netns", "add", name).orThrow();
        Netns ns = new Netns(name);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (IllegalStateException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Deletes every namespace named {@code krt-<pid>-*} whose pid is not a running process; returns how many. */
    public static int removeStale() {
        List<String> stale = listNames().filter(Netns::ownerIsDead).toList();
        stale.forEach(n -> Command.run("ip", "netns", "delete", n));
        return stale.size();
    }

    /** Names of all namespaces registered under /run/netns (empty if there are none). */
    static Stream<String> listNames() {
        if (!Files.isDirectory(NETNS_DIR)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(NETNS_DIR)) {
            return entries.map(p -> p.getFileName().toString()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ownerIsDead(String name) {
        Matcher m = OWNED.matcher(name);
        return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
    }

    public String name() {
        return name;
    }

    /** Runs {@code command} inside this namespace ({@code ip netns exec}); never throws for a failing command. */
    public Command.Result run(String... command) {
        return Command.run(Command.join(List.of("ip", "netns", "exec", name), command));
    }

    /** Runs {@code command} inside this namespace; returns its output, throws IllegalStateException on failure. */
    public String exec(String... command) {
        return run(command).orThrow();
    }

    /** Runs {@code ip -n <this> args...} (one process less than exec); returns output, throws on failure. */
    public String ip(String... args) {
        return Command.run(Command.join(List.of("ip", "-n", name), args)).orThrow();
    }

    /** Creates a veth pair: {@code ifName} in this namespace, {@code peerIfName} in {@code peer}; both up. */
    public void veth(String ifName, Netns peer, String peerIfName) {
        ip("link", "add", ifName, "type", "veth", "peer", "name", peerIfName, "netns", peer.name);
        ip("link", "set", ifName, "up");
        peer.ip("link", "set", peerIfName, "up");
    }

    /**
     * Starts {@code command} in the background inside this namespace, output inherited (shows in the test log).
     * {@link #close()} ends it (TERM, then KILL after 5 s).
     */
    public synchronized Process start(String... command) {
        try {
            List<String> full = Command.join(List.of("ip", "netns", "exec", name), command);
            Process process = new ProcessBuilder(full).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the processes started here, then deletes the namespace. Idempotent; never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        started.forEach(Netns::end);
        Command.run("ip", "netns", "delete", name);
    }

    private static void end(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
