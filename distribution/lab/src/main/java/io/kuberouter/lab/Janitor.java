package io.kuberouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code lab down --all}: removes what runs whose JVM died (crash, SIGKILL) left behind. Only runs named
 * {@code krlab-<pid>-<hex>} whose pid no longer runs are touched: their recorded processes (matched by pid and start
 * time), their namespaces, their run directory. Runs of live JVMs are never touched.
 */
final class Janitor {
    private static final Path NETNS_DIR = Path.of("/run/netns");

    private Janitor() {
    }

    /** Removes the leftovers of dead runs in {@code workDir} and in /run/netns; returns one line per run removed. */
    static List<String> removeLeftovers(Path workDir) throws IOException {
        Set<String> dead = new TreeSet<>();
        Stream.concat(names(NETNS_DIR).stream(), names(workDir).stream())
                .flatMap(name -> RunRecord.idOf(name).stream()).filter(RunRecord::ownerIsDead).forEach(dead::add);
        List<String> report = new ArrayList<>();
        for (String id : dead) {
            report.add(remove(RunRecord.existing(id, workDir)));
        }
        return report;
    }

    private static String remove(RunRecord run) throws IOException {
        List<ProcessHandle> processes = run.liveProcesses();
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + Created.GRACE_MILLIS;
        processes.forEach(p -> Created.awaitOrKill(p, deadline - System.currentTimeMillis()));
        List<String> namespaces = names(NETNS_DIR).stream().filter(n -> n.startsWith(run.netnsPrefix())).toList();
        namespaces.forEach(n -> Shell.run(List.of("ip", "netns", "delete", n), Map.of(), ""));
        run.deleteDir();
        return "run " + run.id() + ": ended " + processes.size() + " processes, deleted " + namespaces.size()
                + " namespaces and " + run.dir();
    }

    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
