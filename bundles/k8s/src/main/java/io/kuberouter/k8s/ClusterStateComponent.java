package io.kuberouter.k8s;

import io.kuberouter.api.cluster.ClusterState;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the API and registers the {@link ClusterState} service once every cache has synced.
 * Activation does not wait for the API (SCR holds a lock during activation): a dedicated thread
 * builds the client, starts the informers and registers the service, or logs why it could not
 * within {@code --cache-sync-timeout}.
 */
@Component(configurationPid = K8sConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = K8sConfig.class)
public class ClusterStateComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStateComponent.class);

    private final BundleContext context;
    private final K8sConfig config;
    private final Thread starter;
    private volatile ClientFactory.Handle handle;
    private volatile ClusterWatcher watcher;
    private volatile ServiceRegistration<ClusterState> registration;

    @Activate
    public ClusterStateComponent(BundleContext context, K8sConfig config) {
        this.context = context;
        this.config = config;
        this.starter = new Thread(this::start, "kube-router-cache-sync");
        starter.setDaemon(true);
        starter.start();
    }

    private void start() {
        long t0 = System.nanoTime();
        try {
            String node = NodeIdentity.resolve(config.hostname_override(), System::getenv, NodeIdentity::kernelHostname);
            handle = ClientFactory.build(ClientFactory.config(config.kubeconfig(), config.master()));
            ClusterStore store = new ClusterStore(node);
            watcher = new ClusterWatcher(handle.client(), store);
            watcher.start();
            watcher.awaitSynced(Duration.ofMillis(config.cache_sync_timeout()));
            registration = context.registerService(ClusterState.class, store,
                    new java.util.Hashtable<>(Map.of("kuberouter.node", node)));
            LOG.info("cache synced in {} ms (JVM up {} ms), node {}: {}", (System.nanoTime() - t0) / 1_000_000,
                    ManagementFactory.getRuntimeMXBean().getUptime(), node, store.counts());
        } catch (TimeoutException e) {
            LOG.error("failed to sync informer caches from {}: {}", handle.client().getMasterUrl(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("cannot watch the Kubernetes API: {}", e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        starter.interrupt();
        starter.join(5_000);
        ServiceRegistration<ClusterState> r = registration;
        if (r != null) {
            r.unregister();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (handle != null) {
            handle.close();
        }
    }
}
