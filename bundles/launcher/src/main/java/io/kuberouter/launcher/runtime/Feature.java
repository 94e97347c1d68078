package io.kuberouter.launcher.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature descriptor ({@code features/NAME.json}, format in {@code docs/features.md}): a named
 * set of bundles with start levels, and default configurations by PID that the launcher's
 * flag-derived configurations override property by property.
 */
public record Feature(String name, String description, List<BundleRef> bundles,
        Map<String, Map<String, Object>> configurations) {

    /** A bundle by Maven {@code groupId:artifactId}, started at a start level. */
    public record BundleRef(String id, int startLevel) {
        public BundleRef {
            if (id.split(":").length != 2) {
                throw new IllegalArgumentException("bundle id must be groupId:artifactId: " + id);
            }
            if (startLevel < 1) {
                throw new IllegalArgumentException("start-level must be >= 1 for " + id);
            }
        }

        public String artifactId() {
            return id.substring(id.indexOf(':') + 1);
        }
    }

    public static Feature read(Path file) throws IOException {
        try {
            return of(asMap(Json.parse(Files.readString(file)), "descriptor"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException("invalid feature descriptor " + file + ": " + e.getMessage(), e);
        }
    }

    static Feature of(Map<String, Object> json) {
        List<BundleRef> bundles = ((List<?>) json.getOrDefault("bundles", List.of())).stream()
                .map(b -> asMap(b, "bundle"))
                .map(b -> new BundleRef((String) b.get("id"), ((Number) b.getOrDefault("start-level", 4L)).intValue()))
                .toList();
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        asMap(json.getOrDefault("configurations", Map.of()), "configurations")
                .forEach((pid, props) -> configurations.put(pid, asMap(props, pid)));
        return new Feature((String) json.get("name"), (String) json.getOrDefault("description", ""), bundles,
                configurations);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
