package io.kuberouter.capabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTest {

    private static final Feature.BundleRef ASM = new Feature.BundleRef("org.ow2.asm:asm", 1);

    @TempDir
    Path dir;

    @Test
    void readsEveryDescriptorSortedByFileWithDefaultsForOmittedFields() throws IOException {
        Files.writeString(dir.resolve("metrics.json"), """
                { "name": "metrics", "description": "Prometheus endpoint",
                  "bundles": [ { "id": "io.kuberouter:io.kuberouter.metrics", "start-level": 3 },
                               { "id": "com.google.code.findbugs:jsr305" } ],
                  "configurations": { "io.kuberouter.metrics": { "metrics.path": "/metrics" } } }
                """);
        Files.writeString(dir.resolve("core.json"), "{ \"name\": \"core\" }");
        Files.writeString(dir.resolve("README.md"), "not a descriptor");

        List<Feature> features = Feature.readAll(dir);

        assertEquals(List.of("core", "metrics"), features.stream().map(Feature::name).toList());
        assertEquals("", features.get(0).description());
        assertEquals(List.of(), features.get(0).bundles());
        Feature metrics = features.get(1);
        assertEquals(List.of(new Feature.BundleRef("io.kuberouter:io.kuberouter.metrics", 3),
                new Feature.BundleRef("com.google.code.findbugs:jsr305", 4)), metrics.bundles());
        assertEquals("com.google.code.findbugs", metrics.bundles().get(1).groupId());
        assertEquals(Map.of("io.kuberouter.metrics", Map.of("metrics.path", "/metrics")), metrics.configurations());
        assertTrue(metrics.names("com.google.code.findbugs:jsr305"));
        assertFalse(metrics.names("com.google.code.findbugs:jsr30"));
    }

    @Test
    void aBrokenDescriptorNamesItsFileAndTheProblem() throws IOException {
        assertInvalid("{ \"name\": \"proxy\", \"bundles\": [ { \"id\": \"no-colon\" } ] }", "groupId:artifactId");
        assertInvalid("{ \"name\": \"proxy\", \"bundles\": {} }", "bundles must be a JSON array");
        assertInvalid("{ \"bundles\": [] }", "a feature needs a name");
        assertInvalid("{ \"name\": \"proxy\", \"bundles\": [ { \"id\": \"a:b\", \"start-level\": 0 } ] }",
                "start-level must be >= 1");
        assertInvalid("{ \"name\": \"proxy\" ", "expected ',' or '}' at offset 18");
    }

    private void assertInvalid(String json, String problem) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, json);
        IOException e = assertThrows(IOException.class, () -> Feature.read(file));
        assertTrue(e.getMessage().startsWith("invalid feature descriptor " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void theRepositorysOwnDescriptorsAreReadableAndNamedLikeTheirFiles() throws IOException {
        List<Feature> features = Feature.readAll(Path.of("../../features"));
        assertTrue(features.stream().anyMatch(f -> f.name().equals(Feature.CORE)));
        for (Feature feature : features) {
            assertTrue(Files.exists(Path.of("../../features", feature.name() + ".json")), feature.name());
            assertFalse(feature.bundles().isEmpty(), feature.name());
        }
        assertTrue(Feature.readAll(Path.of("../../features")).stream().filter(f -> f.name().equals(Feature.CORE))
                .findFirst().orElseThrow().names("io.kuberouter:io.kuberouter.capabilities"));
    }

    @Test
    void findsTheOneJarOfABundleWithOrWithoutVersion() throws IOException {
        Files.createFile(dir.resolve("asm-9.11.1.jar"));
        Files.createFile(dir.resolve("asm-util-9.11.1.jar"));
        assertEquals(dir.resolve("asm-9.11.1.jar"), ASM.jarIn(dir));
        Files.createFile(dir.resolve("asm.jar"));
        IOException twoJars = assertThrows(IOException.class, () -> ASM.jarIn(dir));
        assertTrue(twoJars.getMessage().contains("expected one jar"), twoJars.getMessage());
        assertThrows(IOException.class, () -> new Feature.BundleRef("org.ow2.asm:asm-tree", 1).jarIn(dir));
    }

    @Test
    void theLaunchersAndPaxExamsLocationsNameTheirArtifactOnly() {
        assertTrue(ASM.isLocationOf("file:/opt/kube-router/bundle/asm-9.11.1.jar"));
        assertTrue(ASM.isLocationOf("mvn:org.ow2.asm/asm/9.11.1"));
        assertTrue(ASM.isLocationOf("file:/work/bundles/itests/target/bundles/asm.jar"));
        assertFalse(ASM.isLocationOf("file:/opt/kube-router/bundle/asm-util-9.11.1.jar"));
        assertFalse(ASM.isLocationOf("file:/opt/kube-router/bundle/notasm-9.11.1.jar"));
        assertFalse(ASM.isLocationOf("mvn:org.ow2.asm/asm-util/9.11.1"));
        assertFalse(ASM.isLocationOf("mvn:other.group/asm/9.11.1"));
        assertFalse(ASM.isLocationOf("file:/opt/kube-router/load/my-extension.jar"));
    }

    @Test
    void capabilityFeaturesAreTheFlagsOnesWithoutThePlatform() {
        assertEquals(List.of("proxy", "dsr", "hairpin", "firewall", "router", "lballoc"), Feature.CAPABILITIES);
        assertThrows(IllegalArgumentException.class, () -> new Feature.BundleRef(":asm", 4));
    }
}
