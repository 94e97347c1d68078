package io.kuberouter.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a lab must leave as it found it: the host's namespaces, its own links, processes naming a run. */
final class HostState {

    private HostState() {
    }

    /** Names of the network namespaces starting with {@code prefix}. */
    static Set<String> namespaces(String prefix) throws IOException {
        Path dir = Path.of("/run/netns");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Names of the links in the host's own (root) network namespace. */
    static Set<String> rootLinks() {
        return Shell.exec("ip", "-o", "link", "show").lines().map(line -> line.split(": ")[1].split("@")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Command lines of running processes that mention {@code text} (a run directory, a run id). */
    static List<String> processesMentioning(String text) {
        return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(p -> p.info().commandLine().orElse(p.info().command().orElse("")))
                .filter(line -> line.contains(text)).toList();
    }

    /** This JVM's child processes, as command lines. */
    static List<String> children() {
        return ProcessHandle.current().descendants().map(p -> p.info().commandLine().orElse(Long.toString(p.pid())))
                .toList();
    }
}
