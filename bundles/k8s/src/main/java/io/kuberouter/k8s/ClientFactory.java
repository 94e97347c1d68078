package io.kuberouter.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the fabric8 client as kube-router builds its client-go client: {@code --kubeconfig}
 * (with {@code --master} overriding its server), else {@code --master} on top of the in-cluster
 * configuration, else the in-cluster configuration.
 *
 * <p>Inside OSGi, fabric8 looks classes up through the thread context class loader; the client
 * is therefore built, and its tasks run, with the fabric8 bundle's loader as context loader, and
 * the JDK HTTP client factory is passed explicitly instead of being found by ServiceLoader.
 */
final class ClientFactory {

    private ClientFactory() {
    }

    static Config config(String kubeconfig, String master) {
        Config config;
        if (!kubeconfig.isBlank()) {
            Path path = Path.of(kubeconfig);
            try {
                config = Config.fromKubeconfig(null, Files.readString(path), path.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --kubeconfig " + kubeconfig, e);
            }
        } else {
            config = Config.autoConfigure(null);
        }
        if (!master.isBlank()) {
            config.setMasterUrl(master);
        }
        return config;
    }

    /** A client plus the executor it runs its tasks on; close both with {@link Handle#close()}. */
    record Handle(KubernetesClient client, ExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            executor.shutdownNow();
        }
    }

    static Handle build(Config config) {
        ClassLoader fabric8 = KubernetesClientBuilder.class.getClassLoader();
        ExecutorService executor = Executors.newCachedThreadPool(threads(fabric8));
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(fabric8);
        try {
            KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(config)
                    .withHttpClientFactory(new JdkHttpClientFactory())
                    .withTaskExecutor(executor)
                    .build();
            return new Handle(client, executor);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static ThreadFactory threads(ClassLoader contextLoader) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "kube-router-k8s-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(contextLoader);
            return t;
        };
    }
}
