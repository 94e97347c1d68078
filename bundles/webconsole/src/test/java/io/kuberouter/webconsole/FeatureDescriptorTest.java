package io.kuberouter.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureDescriptorTest {

    @TempDir
    Path dir;

    @Test
    void readsNameDescriptionAndBundlesOfEveryDescriptorSortedByFile() throws IOException {
        Files.writeString(dir.resolve("metrics.json"), """
                { "name": "metrics", "description": "Prometheus endpoint",
                  "bundles": [ { "id": "io.kuberouter:io.kuberouter.metrics", "start-level": 4 },
                               { "id": "com.google.code.findbugs:jsr305" } ],
                  "configurations": { "io.kuberouter.metrics": { "metrics.path": "/metrics" } } }
                """);
        Files.writeString(dir.resolve("core.json"), "{ \"name\": \"core\", \"bundles\": [] }");
        Files.writeString(dir.resolve("README.md"), "not a descriptor");

        List<FeatureDescriptor> features = FeatureDescriptor.readAll(dir);

        assertEquals(List.of("core", "metrics"), features.stream().map(FeatureDescriptor::name).toList());
        FeatureDescriptor metrics = features.get(1);
        assertEquals("Prometheus endpoint", metrics.description());
        assertEquals(List.of(new FeatureDescriptor.BundleRef("io.kuberouter", "io.kuberouter.metrics", 4),
                new FeatureDescriptor.BundleRef("com.google.code.findbugs", "jsr305", 4)), metrics.bundles());
        assertEquals("com.google.code.findbugs:jsr305", metrics.bundles().get(1).id());
    }

    @Test
    void aBrokenDescriptorNamesItsFile() throws IOException {
        Path broken = dir.resolve("proxy.json");
        Files.writeString(broken, "{ \"name\": \"proxy\", \"bundles\": [ { \"id\": \"no-colon\" } ] }");
        IOException e = assertThrows(IOException.class, () -> FeatureDescriptor.readAll(dir));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("groupId:artifactId"), e.getMessage());
    }

    @Test
    void theRepositorysOwnDescriptorsAreReadable() throws IOException {
        List<FeatureDescriptor> features = FeatureDescriptor.readAll(Path.of("../../features"));
        assertTrue(features.stream().anyMatch(f -> f.name().equals(FeatureDescriptor.CORE)));
        assertTrue(features.stream().allMatch(f -> !f.bundles().isEmpty()));
    }
}
