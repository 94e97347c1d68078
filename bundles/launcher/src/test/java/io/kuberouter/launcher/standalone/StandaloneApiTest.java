package io.kuberouter.launcher.standalone;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone API follows later edits of its folder: added, edited and deleted manifests become API updates. */
class StandaloneApiTest {
    private static final Duration FOLLOW_TIMEOUT = Duration.ofSeconds(15);
    private static final String NAMESPACE = "apiVersion: v1\nkind: Namespace\nmetadata: {name: lab}\n";

    @TempDir
    Path dir;
    private StandaloneApi api;
    private KubernetesClient client;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve("00-namespace.yaml"), NAMESPACE);
        StandaloneApi.quietServerLog();
        api = StandaloneApi.start(dir, 0, line -> { });
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(api.url()).build()).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        api.close();
    }

    @Test
    void seedsTheApiFromTheFolder() {
        assertNotNull(client.namespaces().withName("lab").get());
    }

    @Test
    void addedEditedAndDeletedManifestsAreFollowed() throws Exception {
        Path file = dir.resolve("10-settings.yaml");
        Files.writeString(file, configMap("blue"));
        assertTrue(await(() -> "blue".equals(colour())), "added file applied");

        Files.writeString(file, configMap("green"));
        assertTrue(await(() -> "green".equals(colour())), "edited file applied");

        Files.delete(file);
        assertTrue(await(() -> settings() == null), "deleted file's object deleted");
        assertNotNull(client.namespaces().withName("lab").get(), "objects of other files stay");
    }

    private ConfigMap settings() {
        return client.configMaps().inNamespace("lab").withName("settings").get();
    }

    private static String configMap(String colour) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: lab}\ndata: {colour: " + colour
                + "}\n";
    }

    private String colour() {
        ConfigMap map = settings();
        return map == null ? null : map.getData().get("colour");
    }

    /** Polls {@code condition} until it holds (true) or {@link #FOLLOW_TIMEOUT} has passed (false). */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + FOLLOW_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
