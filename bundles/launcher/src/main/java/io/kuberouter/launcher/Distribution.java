package io.kuberouter.launcher;

import io.kuberouter.capabilities.Feature;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The distribution folder ({@code -Dkuberouter.home}, set by {@code bin/kube-router}): {@code lib/}
 * (class path), {@code bundle/} (one jar per bundle), {@code features/} (descriptors),
 * {@code conf/config.properties} (framework properties) and {@code load/} (FileInstall drop-in).
 */
record Distribution(Path home) {

    static Distribution fromSystemProperty() {
        String home = System.getProperty("kuberouter.home");
        if (home == null) {
            throw new IllegalStateException("kuberouter.home is not set; start the agent with bin/kube-router");
        }
        return new Distribution(Path.of(home));
    }

    Path bundles() {
        return home.resolve("bundle");
    }

    Path dropIns() {
        return home.resolve("load");
    }

    Path featureDescriptors() {
        return home.resolve("features");
    }

    /** Every {@code features/*.json}, by feature name. */
    Map<String, Feature> features() throws IOException {
        Map<String, Feature> features = new LinkedHashMap<>();
        Feature.readAll(featureDescriptors()).forEach(f -> features.put(f.name(), f));
        return features;
    }

    /** {@code conf/config.properties}. */
    Map<String, String> frameworkProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("conf/config.properties"))) {
            properties.load(reader);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
