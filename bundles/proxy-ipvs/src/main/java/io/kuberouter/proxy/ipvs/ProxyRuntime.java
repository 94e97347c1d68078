package io.kuberouter.proxy.ipvs;

import io.kuberouter.api.cluster.ClusterState;
import io.kuberouter.api.proxy.ServiceProxyExtension;
import io.kuberouter.api.proxy.ServiceProxyView;
import io.kuberouter.capabilities.OwnerLifecycle;
import io.kuberouter.proxy.ipvs.sync.KernelBindings;
import io.kuberouter.proxy.ipvs.sync.ProxyController;
import io.kuberouter.proxy.ipvs.sync.ProxySettings;
import io.kuberouter.reconcile.RunnerScheduler;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * One running controller with its services: the {@link ServiceProxyView} and the metric collectors. A
 * configuration change closes it (the kernel keeps its state) and opens a new one, whose first full sync adopts
 * that state.
 */
final class ProxyRuntime implements AutoCloseable {

    private final ProxyController controller;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    ProxyRuntime(BundleContext context, ProxySettings settings, KernelBindings kernels, ClusterState cluster,
            List<ServiceProxyExtension> extensions, OwnerLifecycle owner) {
        controller = new ProxyController(settings, kernels, Clock.systemUTC(),
                RunnerScheduler.dedicatedThread("kube-router-proxy"));
        controller.ownedBy(owner::initialSyncDone, owner::mayPrune);
        extensions.forEach(controller::addExtension);
        if (cluster != null) {
            controller.bindCluster(cluster);
        }
        Hashtable<String, Object> backend = new Hashtable<>();
        backend.put(ServiceProxyView.BACKEND_PROPERTY, "ipvs");
        registrations.add(context.registerService(ServiceProxyView.class, controller.view(), backend));
        registrations.add(context.registerService(MultiCollector.class, controller.metrics(), null));
        registrations.add(context.registerService(Collector.class, controller.metrics().syncTime(), null));
        registrations.add(context.registerService(Collector.class, controller.metrics().exportTime(), null));
        registrations.add(context.registerService(Collector.class, controller.metrics().skipped(), null));
        controller.start();
    }

    ProxyController controller() {
        return controller;
    }

    /** Stops syncing and withdraws the services; the kernel keeps what was written. */
    @Override
    public void close() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        controller.stop();
    }
}
