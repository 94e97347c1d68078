package io.kuberouter.launcher.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes the API hold exactly the objects of the YAML/JSON manifests in a folder: creates what is
 * new, replaces what changed, deletes what a removed or edited file no longer declares. Objects
 * created through the API by others are left alone.
 */
final class ManifestSync {

    private final KubernetesClient client;
    private final Path dir;
    private final Map<String, HasMetadata> applied = new HashMap<>();

    ManifestSync(KubernetesClient client, Path dir) {
        this.client = client;
        this.dir = dir;
    }

    /** Applies the folder's manifests; returns the number of objects they declare. */
    synchronized int sync() throws IOException {
        Map<String, HasMetadata> desired = new HashMap<>();
        for (HasMetadata item : read()) {
            desired.put(id(item), item);
        }
        for (HasMetadata item : desired.values()) {
            if (!item.equals(applied.get(id(item)))) {
                apply(item);
            }
        }
        for (Map.Entry<String, HasMetadata> old : applied.entrySet()) {
            if (!desired.containsKey(old.getKey())) {
                client.resource(old.getValue()).delete();
            }
        }
        applied.clear();
        applied.putAll(desired);
        return desired.size();
    }

    private void apply(HasMetadata item) {
        try {
            client.resource(item).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            client.resource(item).update();
        }
    }

    private List<HasMetadata> read() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(ManifestSync::isManifest).sorted().toList();
        }
        List<HasMetadata> items = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                items.addAll(client.load(in).items());
            } catch (RuntimeException e) {
                throw new IOException("cannot read manifest " + file + ": " + e.getMessage(), e);
            }
        }
        return items;
    }

    static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static String id(HasMetadata item) {
        String ns = item.getMetadata().getNamespace();
        return item.getApiVersion() + "/" + item.getKind() + "/" + (ns == null ? "" : ns) + "/"
                + item.getMetadata().getName();
    }
}
