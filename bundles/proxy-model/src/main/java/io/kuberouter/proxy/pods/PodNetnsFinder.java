package io.kuberouter.proxy.pods;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Addresses;
import io.kuberouter.kernel.api.netns.Netns;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the network namespace of a pod from the node, by the pod's IP, without the container runtime: upstream
 * asks the CRI socket ({@code --runtime-endpoint}) or Docker for the container's PID; we look at the namespaces
 * themselves. Candidates, each distinct namespace once (by its nsfs inode): the files in {@code /run/netns}
 * (where the CNI runtimes containerd and CRI-O pin pod namespaces, and {@code ip netns} its own), then
 * {@code /proc/<pid>/ns/net} of every process (any runtime, needs the host PID namespace: {@code hostPID}). The
 * namespace whose interfaces hold the pod IP is the pod's. Found namespaces are remembered and re-checked on use
 * (a restarted pod gets a new one). Reads only; runs on the caller's thread, entering namespaces via
 * {@link Netns}. After a miss the IP is not looked for again for a while (the caller's choice): a check that runs
 * on every sync must not scan every process each time for an endpoint that has no namespace of its own.
 *
 * <p>Threading: not thread-safe; for one sync thread.
 */
public final class PodNetnsFinder {


    private final Netns netns;
    private final Addresses addresses;
    private final Path runNetns;
    private final Path proc;
    private final Map<String, NetnsRef> known = new HashMap<>();
    /** How long a pod IP that no namespace holds (not started yet, or a hostNetwork endpoint) is not looked for. */
    private final long rescanNanos;
    /** When a scan last failed to find an IP (System.nanoTime), to scan for it at most once per rescan pause. */
    private final Map<String, Long> missed = new HashMap<>();

    /**
     * @param runNetns where runtimes pin pod namespaces, normally {@code /run/netns}
     * @param proc the proc file system, normally {@code /proc}
     * @param rescanAfterMiss how long an IP no namespace held is not looked for again ({@link Duration#ZERO}: always)
     */
    public PodNetnsFinder(Netns netns, Addresses addresses, Path runNetns, Path proc, Duration rescanAfterMiss) {
        this.rescanNanos = rescanAfterMiss.toNanos();
        this.netns = netns;
        this.addresses = addresses;
        this.runNetns = runNetns;
        this.proc = proc;
    }

    /** The namespace holding {@code podIp}, or empty when no candidate does. */
    public Optional<NetnsRef> find(String podIp) {
        InetAddress ip = IpPrefix.address(podIp);
        NetnsRef cached = known.get(podIp);
        if (cached != null && holds(cached, address -> address.equals(ip))) {
            return Optional.of(cached);
        }
        known.remove(podIp);
        Long miss = missed.get(podIp);
        if (miss != null && System.nanoTime() - miss < rescanNanos) {
            return Optional.empty();
        }
        for (NetnsRef candidate : namespaces()) {
            if (holds(candidate, address -> address.equals(ip))) {
                known.put(podIp, candidate);
                missed.remove(podIp);
                return Optional.of(candidate);
            }
        }
        missed.put(podIp, System.nanoTime());
        return Optional.empty();
    }

    /**
     * The namespaces holding an address inside one of {@code subnets}, e.g. the pods behind the node's
     * {@code kube-bridge}: what a capability that lost its memory (a new process, {@code --cleanup-config}) scans
     * for the objects it put into pods. Scans every candidate; no cache.
     */
    public List<NetnsRef> holdingAddressIn(List<IpPrefix> subnets) {
        List<NetnsRef> found = new ArrayList<>();
        for (NetnsRef candidate : namespaces()) {
            if (holds(candidate, address -> subnets.stream().anyMatch(s -> s.contains(address)))) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** Each distinct candidate namespace once (by nsfs inode), the caller's own excluded. */
    private List<NetnsRef> namespaces() {
        Set<Object> seen = new HashSet<>();
        inode(proc.resolve("thread-self/ns/net")).ifPresent(seen::add);
        List<NetnsRef> distinct = new ArrayList<>();
        for (NetnsRef candidate : candidates()) {
            Optional<Object> inode = inode(candidate.path());
            if (inode.isPresent() && seen.add(inode.get())) {
                distinct.add(candidate);
            }
        }
        return distinct;
    }

    /** Drops what was found for {@code podIp} (its namespace failed). */
    public void forget(String podIp) {
        known.remove(podIp);
        missed.remove(podIp);
    }

    private List<NetnsRef> candidates() {
        List<NetnsRef> refs = new ArrayList<>();
        try (DirectoryStream<Path> named = Files.newDirectoryStream(runNetns)) {
            for (Path p : named) {
                refs.add(new NetnsRef(p.toAbsolutePath(), ""));
            }
        } catch (IOException absent) {
            // no named namespaces on this node
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path p : pids) {
                refs.add(new NetnsRef(p.resolve("ns/net").toAbsolutePath(), ""));
            }
        } catch (IOException e) {
            // no /proc: only named namespaces
        }
        return refs;
    }

    private boolean holds(NetnsRef ref, Predicate<InetAddress> wanted) {
        try {
            return netns.call(ref, () -> addresses.list().stream().anyMatch(a -> wanted.test(a.prefix().address())));
        } catch (KernelException | RuntimeException gone) {
            return false;
        }
    }

    private static Optional<Object> inode(Path nsFile) {
        try {
            return Optional.ofNullable(Files.getAttribute(nsFile, "unix:ino"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
