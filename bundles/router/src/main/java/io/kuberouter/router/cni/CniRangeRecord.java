package io.kuberouter.router.cni;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pod CIDR ranges the router inserted into CNI conf files, kept in {@code STATE_DIR/router/cni-ranges.json}
 * ({@code {"<conf file>": ["10.244.1.0/24", ...]}}) so that a final stop, also one in a separate
 * {@code --cleanup-config} process, takes exactly those out again: ranges that were in the conf before the router
 * saw it are never recorded, so never removed. Upstream never removes them (behaviour reference §7); we do, as the
 * conf is otherwise left pointing pods at a node's old pod CIDR after the router is switched off.
 */
public final class CniRangeRecord {

    private static final Logger LOG = LoggerFactory.getLogger(CniRangeRecord.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    private final Path file;

    public CniRangeRecord(Path file) {
        this.file = file;
    }

    /** The record of the agent whose {@code --state-dir} is {@code stateDir}. */
    public static CniRangeRecord inStateDir(Path stateDir) {
        return new CniRangeRecord(stateDir.resolve("router").resolve("cni-ranges.json"));
    }

    public Path file() {
        return file;
    }

    /** Adds {@code ranges} to those recorded for {@code conf}; nothing is written when they are all known. */
    public synchronized void add(Path conf, List<String> ranges) throws IOException {
        Map<String, List<String>> recorded = read();
        List<String> known = new ArrayList<>(recorded.getOrDefault(conf.toString(), List.of()));
        List<String> missing = ranges.stream().filter(range -> !known.contains(range)).toList();
        if (missing.isEmpty()) {
            return;
        }
        known.addAll(missing);
        recorded.put(conf.toString(), known);
        Files.createDirectories(file.getParent());
        write(recorded);
    }

    /**
     * Takes every recorded range out of its conf file and deletes the record. A conf file that is gone is skipped;
     * one that cannot be rewritten keeps its entry (logged), so a later final stop can try again.
     */
    public synchronized void removeRecorded() {
        Map<String, List<String>> recorded;
        try {
            recorded = read();
        } catch (IOException e) {
            LOG.error("CNI range record {} unreadable, no range removed: {}", file, e.getMessage());
            return;
        }
        Map<String, List<String>> left = new LinkedHashMap<>();
        recorded.forEach((conf, ranges) -> {
            try {
                Optional<String> updated = CniConf.withoutPodCidrs(Files.readString(Path.of(conf)), ranges);
                if (updated.isPresent()) {
                    AtomicFiles.replace(Path.of(conf), updated.get(), "rw-r--r--");
                    LOG.info("CNI conf {}: pod CIDRs {} removed", conf, ranges);
                }
            } catch (NoSuchFileException e) {
                LOG.info("CNI conf {} is gone; nothing to remove", conf);
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("CNI conf {}: pod CIDRs {} not removed: {}", conf, ranges, e.getMessage());
                left.put(conf, ranges);
            }
        });
        try {
            if (left.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                write(left);
            }
        } catch (IOException e) {
            LOG.error("CNI range record {} not updated: {}", file, e.getMessage());
        }
    }

    private void write(Map<String, List<String>> recorded) throws IOException {
        AtomicFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(recorded) + "\n",
                "rw-------");
    }

    private Map<String, List<String>> read() throws IOException {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(Files.readString(file), SHAPE);
        } catch (JacksonException e) {
            throw new IOException("not a CNI range record: " + e.getOriginalMessage(), e);
        }
    }
}
