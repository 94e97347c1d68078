package io.kuberouter.kernel.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Kernel features a test can require (see {@link KernelTest}), each with a probe of the running kernel.
 * Probes run at most once per JVM. They need root; without it every feature reads as missing.
 */
public enum Kernel {
    /** IP virtual server: after a {@code modprobe ip_vs} attempt, {@code /proc/net/ip_vs} exists. */
    IPVS(Kernel::ipvsWorks),
    /** ipip tunnels: an ipip link can be created in a throwaway namespace. */
    IPIP(() -> linkWorks("type", "ipip", "local", "192.0.2.1", "remote", "192.0.2.2")),
    /** dummy links (kube-dummy-if): a dummy link can be created in a throwaway namespace. */
    DUMMY(() -> linkWorks("type", "dummy"));

    private static final Map<Kernel, Boolean> PROBED = new ConcurrentHashMap<>();
    private final BooleanSupplier probe;

    Kernel(BooleanSupplier probe) {
        this.probe = probe;
    }

    /** Whether the running kernel has this feature (probed once, then cached). */
    public boolean available() {
        return PROBED.computeIfAbsent(this, k -> k.probe.getAsBoolean());
    }

    /** The features of {@code required} this kernel lacks. */
    public static Set<Kernel> missing(Collection<Kernel> required) {
        Set<Kernel> missing = EnumSet.noneOf(Kernel.class);
        required.stream().filter(k -> !k.available()).forEach(missing::add);
        return missing;
    }

    /** Loading ip_vs on a host that has the module is a kernel-wide change, the same kube-router makes. */
    private static boolean ipvsWorks() {
        Command.run("modprobe", "-q", "ip_vs");
        return Files.exists(Path.of("/proc/net/ip_vs"));
    }

    private static boolean linkWorks(String... typeAndArgs) {
        try (Netns ns = Netns.create()) {
            ns.ip(Command.join(List.of("link", "add", "krt-probe"), typeAndArgs).toArray(String[]::new));
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
