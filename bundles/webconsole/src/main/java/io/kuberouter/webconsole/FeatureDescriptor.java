package io.kuberouter.webconsole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code features/NAME.json} of the distribution (format in {@code docs/features.md}), as far
 * as the console shows it: the name, the description and the bundles with their start levels.
 * Configurations are the launcher's business and are not read.
 */
record FeatureDescriptor(String name, String description, List<BundleRef> bundles) {

    /** The platform feature every node runs; it is never stopped from the console or the shell. */
    static final String CORE = "core";

    FeatureDescriptor {
        bundles = List.copyOf(bundles);
    }

    /** A bundle by Maven coordinates, as the descriptor names it. */
    record BundleRef(String groupId, String artifactId, int startLevel) {

        static BundleRef parse(String id, int startLevel) {
            String[] parts = id.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("bundle id must be groupId:artifactId: " + id);
            }
            return new BundleRef(parts[0], parts[1], startLevel);
        }

        String id() {
            return groupId + ":" + artifactId;
        }
    }

    /** Every descriptor in {@code dir}, sorted by name. */
    static List<FeatureDescriptor> readAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<FeatureDescriptor> features = new ArrayList<>();
        for (Path file : files) {
            features.add(read(file));
        }
        return features;
    }

    static FeatureDescriptor read(Path file) throws IOException {
        try {
            return of(JsonMapper.shared().readTree(file));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException("invalid feature descriptor " + file + ": " + e.getMessage(), e);
        }
    }

    private static FeatureDescriptor of(JsonNode json) {
        String name = json.path("name").asString("");
        if (name.isBlank()) {
            throw new IllegalArgumentException("no name");
        }
        List<BundleRef> bundles = new ArrayList<>();
        for (JsonNode bundle : json.path("bundles")) {
            bundles.add(BundleRef.parse(bundle.path("id").asString(""), bundle.path("start-level").asInt(4)));
        }
        return new FeatureDescriptor(name, json.path("description").asString(""), bundles);
    }
}
