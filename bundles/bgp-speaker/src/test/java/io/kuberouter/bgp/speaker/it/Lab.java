package io.kuberouter.bgp.speaker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kuberouter.kernel.harness.Netns;

/**
 * A throw-away network lab: namespaces (from the kernel harness, {@code krt-<pid>-<hex>}), veth
 * links and addresses inside them only, processes started in them with their output in log files
 * under {@code target/interop/<name>/}. {@link #close()} ends every process it started (by its
 * PID: {@code ip netns exec} execs the command) and deletes the namespaces, also after a failure.
 */
final class Lab implements AutoCloseable {

    private final Path dir;
    private final List<Netns> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    private Lab(Path dir) {
        this.dir = dir;
    }

    static Lab create(String name) {
        Path dir = Path.of("target", "interop", name + "-" + System.currentTimeMillis()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lab(dir);
    }

    Netns namespace() {
        Netns ns = Netns.create();
        namespaces.add(ns);
        return ns;
    }

    /** A veth pair {@code aIf} in {@code a} and {@code bIf} in {@code b}, both up. */
    void link(Netns a, String aIf, Netns b, String bIf) {
        a.veth(aIf, b, bIf);
    }

    /** Adds {@code cidr} to {@code ifName} in {@code ns} (IPv6 without duplicate address detection). */
    void address(Netns ns, String ifName, String cidr) {
        if (cidr.contains(":")) {
            ns.ip("addr", "add", cidr, "dev", ifName, "nodad");
        } else {
            ns.ip("addr", "add", cidr, "dev", ifName);
        }
    }

    /** Writes a file of the lab and returns its path. */
    Path file(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String name) {
        return dir.resolve(name);
    }

    /** Starts {@code command} in {@code ns}, stdout and stderr appended to {@code logName}. */
    Process start(Netns ns, String logName, String... command) {
        return start(processBuilder(ns, command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(logName).toFile())));
    }

    /** A builder for {@code command} inside {@code ns}; start it with {@link #start(ProcessBuilder)}. */
    ProcessBuilder processBuilder(Netns ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns.name()));
        full.addAll(List.of(command));
        return new ProcessBuilder(full);
    }

    /** Starts a process the lab ends on close. */
    Process start(ProcessBuilder builder) {
        try {
            Process process = builder.start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends processes (TERM, KILL after 5 s), then deletes the namespaces. */
    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        namespaces.forEach(Netns::close);
    }
}
