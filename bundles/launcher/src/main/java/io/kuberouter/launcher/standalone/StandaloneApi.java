package io.kuberouter.launcher.standalone;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.function.Consumer;

/**
 * The standalone mode's API server: fabric8's mock Kubernetes API in CRUD mode (real HTTP, with
 * watch) on 127.0.0.1, seeded from a folder of manifests and kept equal to it while the agent
 * runs. For one machine without a cluster: demos, the lab, trying flags.
 */
public final class StandaloneApi implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final ManifestSync sync;
    private final WatchService watcher;
    private final Thread follower;

    private StandaloneApi(Path dir, InetAddress address, int port, Consumer<String> log) throws IOException {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(address, port);
        client = server.createClient();
        sync = new ManifestSync(client, dir);
        log.accept("standalone API server on " + url() + " seeded with " + sync.sync() + " objects from " + dir
                + " (kubectl --server " + url() + " get all -A)");
        watcher = dir.getFileSystem().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        follower = new Thread(() -> follow(log), "kube-router-standalone-manifests");
        follower.setDaemon(true);
        follower.start();
    }

    /**
     * Starts the API on {@code port} (0 for any free port).
     *
     * @throws IOException when a manifest cannot be read or the port cannot be bound
     */
    public static StandaloneApi start(Path dir, int port, Consumer<String> log) throws IOException {
        return start(dir, InetAddress.getLoopbackAddress(), port, log);
    }

    /**
     * Same as {@link #start(Path, int, Consumer)}, listening on {@code address} instead of 127.0.0.1 (the lab
     * serves its nodes on the node network).
     */
    public static StandaloneApi start(Path dir, InetAddress address, int port, Consumer<String> log)
            throws IOException {
        return new StandaloneApi(dir, address, port, log);
    }

    /** Held so the level is not garbage collected with an unreferenced logger. */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    /** The mock server logs every request at INFO through java.util.logging; keep warnings only. */
    public static void quietServerLog() {
        SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** The API server's address, for {@code --master}. */
    public String url() {
        return client.getMasterUrl().toString();
    }

    /** Re-applies the folder after each burst of file events (edits arrive as several events). */
    private void follow(Consumer<String> log) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Thread.sleep(200);
                key.pollEvents();
                key.reset();
                try {
                    log.accept("standalone API: manifests changed, now " + sync.sync() + " objects");
                } catch (IOException | RuntimeException e) {
                    log.accept("standalone API: manifests not applied: " + e.getMessage());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        follower.interrupt();
        watcher.close();
        client.close();
        server.destroy();
    }
}
