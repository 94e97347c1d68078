package io.kuberouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The identity and on-disk record of one lab run. Its id is {@code <pid>-<hex>} (pid of the JVM that owns the run);
 * every network namespace of the run is named {@code krlab-<id>-...} and everything else it writes lives in its
 * directory {@code <work dir>/krlab-<id>/}, including the file {@code pids} of the processes it started (pid and start
 * time, so that a pid reused by an unrelated process is never mistaken for one of ours).
 */
final class RunRecord {
    /** Prefix of every network namespace and run directory of the lab. */
    static final String PREFIX = "krlab-";
    /** A run id at the start of a name: group 1 = the owner pid, group 0 = the id. */
    static final Pattern RUN_ID = Pattern.compile("(\\d+)-[0-9a-f]{4}(?=-|$)");
    private static final String PIDS = "pids";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final Path dir;

    private RunRecord(String id, Path dir) {
        this.id = id;
        this.dir = dir;
    }

    /** Creates a new run owned by this JVM, with an empty run directory under {@code workDir}. */
    static RunRecord create(Path workDir) throws IOException {
        String id = ProcessHandle.current().pid() + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
        Path dir = workDir.resolve(PREFIX + id);
        Files.createDirectories(dir);
        Files.createFile(dir.resolve(PIDS));
        return new RunRecord(id, dir);
    }

    /** The record of an existing run (for clean-up). */
    static RunRecord existing(String id, Path workDir) {
        return new RunRecord(id, workDir.resolve(PREFIX + id));
    }

    /** The run id of a lab name ({@code krlab-<id>...}), if it is one. */
    static Optional<String> idOf(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher m = RUN_ID.matcher(name.substring(PREFIX.length()));
        return m.lookingAt() ? Optional.of(m.group()) : Optional.empty();
    }

    /** Whether the JVM that owns run {@code id} no longer runs. */
    static boolean ownerIsDead(String id) {
        Matcher m = RUN_ID.matcher(id);
        return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
    }

    String id() {
        return id;
    }

    Path dir() {
        return dir;
    }

    /** Prefix of this run's namespace names: {@code krlab-<id>-}. */
    String netnsPrefix() {
        return PREFIX + id + "-";
    }

    /** Appends {@code process} to the recorded processes, before anything else may fail. */
    synchronized void recordProcess(ProcessHandle process) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        String line = process.pid() + " " + started.toEpochMilli() + "\n";
        try {
            Files.writeString(dir.resolve(PIDS), line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded processes that still run (same pid and start time as recorded). */
    List<ProcessHandle> liveProcesses() throws IOException {
        Path file = dir.resolve(PIDS);
        List<ProcessHandle> live = new ArrayList<>();
        if (!Files.exists(file)) {
            return live;
        }
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 2) {
                ProcessHandle.of(Long.parseLong(fields[0])).filter(p -> startedAt(p, Long.parseLong(fields[1])))
                        .ifPresent(live::add);
            }
        }
        return live;
    }

    private static boolean startedAt(ProcessHandle process, long epochMillis) {
        return process.isAlive() && process.info().startInstant().map(Instant::toEpochMilli)
                .map(t -> t == epochMillis).orElse(false);
    }

    /** Deletes the run directory with everything in it; what cannot be deleted is left. Never throws. */
    void deleteDir() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for lab down --all, which retries
        }
    }
}
