package io.kuberouter.capabilities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A feature descriptor ({@code features/NAME.json}, format in {@code docs/features.md}): a named
 * set of bundles with start levels, and default configurations by PID that the launcher's
 * flag-derived configurations override property by property. The launcher (on the class path) and
 * the feature manager (in the framework) read descriptors with this one reader.
 *
 * @param bundles unmodifiable, in descriptor order
 * @param configurations unmodifiable, in descriptor order
 */
public record Feature(String name, String description, List<BundleRef> bundles,
        Map<String, Map<String, Object>> configurations) {

    /** The platform feature every node runs; it is never stopped or uninstalled. */
    public static final String CORE = "core";

    /**
     * The capability features, in flag order: the only features a Node annotation may enable, and
     * those whose configurations the launcher writes ahead when features may arrive later.
     */
    public static final List<String> CAPABILITIES =
            List.of("proxy", "dsr", "hairpin", "firewall", "router", "lballoc");

    public Feature {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a feature needs a name");
        }
        description = Objects.requireNonNullElse(description, "");
        bundles = List.copyOf(bundles);
        configurations = Collections.unmodifiableMap(new LinkedHashMap<>(configurations));
    }

    /** A bundle by Maven {@code groupId:artifactId}, started at a start level. */
    public record BundleRef(String id, int startLevel) {

        /** The start level of a bundle whose descriptor entry names none: the agent's bundles' level. */
        public static final int DEFAULT_START_LEVEL = 4;

        public BundleRef {
            if (id == null || id.split(":", -1).length != 2 || id.startsWith(":") || id.endsWith(":")) {
                throw new IllegalArgumentException("bundle id must be groupId:artifactId: " + id);
            }
            if (startLevel < 1) {
                throw new IllegalArgumentException("start-level must be >= 1 for " + id);
            }
        }

        public String groupId() {
            return id.substring(0, id.indexOf(':'));
        }

        public String artifactId() {
            return id.substring(id.indexOf(':') + 1);
        }

        /**
         * This bundle's jar in a folder that holds one version of each bundle, named
         * {@code ARTIFACTID-VERSION.jar} (the distribution's {@code bundle/}) or {@code ARTIFACTID.jar}.
         *
         * @throws IOException when no jar or more than one jar matches
         */
        public Path jarIn(Path dir) throws IOException {
            List<Path> matches;
            try (Stream<Path> files = Files.list(dir)) {
                matches = files.filter(f -> isJarName(f.getFileName().toString())).toList();
            }
            if (matches.size() != 1) {
                throw new IOException("bundle " + id + ": expected one jar in " + dir + ", found " + matches);
            }
            return matches.get(0);
        }

        /**
         * Whether an installed bundle's location names this bundle: a jar as {@link #jarIn} finds it,
         * in any folder, or {@code mvn:GROUPID/ARTIFACTID[/VERSION]} as pax-exam installs it.
         */
        public boolean isLocationOf(String location) {
            String mvn = "mvn:" + groupId() + "/" + artifactId();
            if (location.startsWith(mvn)) {
                return location.length() == mvn.length() || location.charAt(mvn.length()) == '/';
            }
            return isJarName(location.substring(location.lastIndexOf('/') + 1));
        }

        private boolean isJarName(String fileName) {
            return Pattern.matches(Pattern.quote(artifactId()) + "(-\\d[^/]*)?\\.jar", fileName);
        }
    }

    /** Whether this feature names the bundle {@code groupId:artifactId}. */
    public boolean names(String bundleId) {
        return bundles.stream().anyMatch(b -> b.id().equals(bundleId));
    }

    /**
     * @throws IOException when the file cannot be read or is no valid descriptor; the message names the file
     */
    public static Feature read(Path file) throws IOException {
        try {
            return of(asMap(Json.parse(Files.readString(file)), "descriptor"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException("invalid feature descriptor " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code *.json} in {@code dir}, sorted by file name. */
    public static List<Feature> readAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<Feature> features = new ArrayList<>();
        for (Path file : files) {
            features.add(read(file));
        }
        return List.copyOf(features);
    }

    static Feature of(Map<String, Object> json) {
        Object bundleList = json.get("bundles") == null ? List.of() : json.get("bundles");
        if (!(bundleList instanceof List<?> entries)) {
            throw new IllegalArgumentException("bundles must be a JSON array");
        }
        List<BundleRef> bundles = entries.stream().map(b -> asMap(b, "bundle")).map(Feature::bundleRef).toList();
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        asMap(json.get("configurations") == null ? Map.of() : json.get("configurations"), "configurations")
                .forEach((pid, props) -> configurations.put(pid, asMap(props, pid)));
        return new Feature((String) json.get("name"), (String) json.get("description"), bundles, configurations);
    }

    private static BundleRef bundleRef(Map<String, Object> entry) {
        Object level = entry.get("start-level");
        return new BundleRef((String) entry.get("id"),
                level == null ? BundleRef.DEFAULT_START_LEVEL : ((Number) level).intValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
