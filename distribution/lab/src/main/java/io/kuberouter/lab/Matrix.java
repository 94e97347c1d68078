package io.kuberouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reachability matrix of a lab run: one {@link Probe} per source pod, target and port. Its JSON form (one probe
 * per line, {@link #toJson()}) is also the format of a scenario's expected matrix; {@link #table()} renders it for
 * people.
 */
public final class Matrix {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String scenario;
    private final List<Probe> probes;

    public Matrix(String scenario, List<Probe> probes) {
        this.scenario = scenario;
        this.probes = List.copyOf(probes);
    }

    /** The scenario's name. */
    public String scenario() {
        return scenario;
    }

    public List<Probe> probes() {
        return probes;
    }

    /** The result of the probe with this {@link Probe#key()}, if the matrix has it. */
    public Optional<String> result(String key) {
        return probes.stream().filter(p -> p.key().equals(key)).map(Probe::result).findFirst();
    }

    /**
     * How this matrix differs from {@code expected}, one line per cell (compared by {@link Probe#key()}: a different
     * result, a cell missing here, a cell {@code expected} lacks); empty if they agree. Addresses are not compared.
     */
    public List<String> differences(Matrix expected) {
        Map<String, Probe> actual = byKey(probes);
        Map<String, Probe> wanted = byKey(expected.probes);
        List<String> lines = new ArrayList<>();
        wanted.forEach((key, probe) -> {
            Probe got = actual.get(key);
            if (got == null) {
                lines.add(key + ": expected " + probe.result() + ", not probed");
            } else if (!got.result().equals(probe.result())) {
                lines.add(key + ": expected " + probe.result() + ", got " + got.result());
            }
        });
        actual.keySet().stream().filter(k -> !wanted.containsKey(k))
                .forEach(k -> lines.add(k + ": got " + actual.get(k).result() + ", not in the expected matrix"));
        return lines;
    }

    private static Map<String, Probe> byKey(List<Probe> probes) {
        return probes.stream().collect(Collectors.toMap(Probe::key, Function.identity(), (a, b) -> b,
                LinkedHashMap::new));
    }

    /** The matrix as JSON: {@code {"scenario": ..., "probes": [...]}} with one probe object per line. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"scenario\": ").append(JSON.writeValueAsString(scenario))
                .append(", \"probes\": [");
        for (int i = 0; i < probes.size(); i++) {
            json.append(i == 0 ? "\n  " : ",\n  ").append(JSON.writeValueAsString(toNode(probes.get(i))));
        }
        return json.append("\n]}\n").toString();
    }

    private static ObjectNode toNode(Probe probe) {
        ObjectNode node = JSON.createObjectNode();
        node.put("from", probe.from()).put("target", probe.target()).put("address", probe.address())
                .put("port", probe.port()).put("protocol", probe.protocol()).put("result", probe.result());
        return node;
    }

    /** Parses the JSON form; {@code address} may be absent (expected matrices need not name addresses). */
    public static Matrix parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a matrix: " + e.getOriginalMessage(), e);
        }
        List<Probe> probes = new ArrayList<>();
        for (JsonNode p : root.path("probes")) {
            probes.add(new Probe(p.path("from").asString(), p.path("target").asString(),
                    p.path("address").asString(""), p.path("port").asInt(), p.path("protocol").asString(),
                    p.path("result").asString()));
        }
        return new Matrix(root.path("scenario").asString(""), probes);
    }

    /** Reads a matrix file (a scenario's {@value Scenario#EXPECTED}). */
    public static Matrix read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The matrix as a text table: a row per source pod, a column per target and port. */
    public String table() {
        return MatrixTable.render(this);
    }
}
