package io.kuberouter.proxy.ipvs.sync;

import io.kuberouter.api.cluster.ClusterSnapshot;
import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.ObjectKey;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.proxy.ipvs.plan.DesiredIpvs;
import io.kuberouter.proxy.ipvs.plan.IpvsTranslation;
import io.kuberouter.proxy.model.ClaimPolicy;
import io.kuberouter.proxy.model.NodeContext;
import io.kuberouter.proxy.model.ServiceModelBuilder;
import io.kuberouter.proxy.model.SlicesByService;
import io.kuberouter.proxy.sync.ServiceProblems;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the {@link DesiredIpvs} up to date with the cluster: all Services after a node, configuration or
 * extension change, otherwise only the Services whose Service object or EndpointSlices changed. Each rebuilt
 * Service reports its problems. For the sync thread.
 */
final class ModelUpdate {

    /** Up to this many Services, each one's slices are found by scanning; beyond it slices are grouped once. */
    private static final int SCAN_LIMIT = 8;

    private final ServiceModelBuilder builder;
    private final DesiredIpvs desired;
    private final ServiceProblems problems;
    private final ClaimPolicy claims;

    ModelUpdate(ServiceModelBuilder builder, DesiredIpvs desired, ServiceProblems problems, ClaimPolicy claims) {
        this.builder = builder;
        this.desired = desired;
        this.problems = problems;
        this.claims = claims;
    }

    /** Rebuilds every Service; returns every Service whose model may have changed (gone ones included). */
    Set<ObjectKey> all(ClusterSnapshot snapshot, NodeContext node, Set<ServiceKey> changed) {
        Map<ObjectKey, List<EndpointSlice>> slices = SlicesByService.group(snapshot.endpointSlices().values());
        Set<ObjectKey> touched = new HashSet<>(desired.services());
        touched.addAll(snapshot.services().keySet());
        for (ObjectKey key : touched) {
            one(key, snapshot.services().get(key), slices.getOrDefault(key, List.of()), node, changed);
        }
        return touched;
    }

    /** Rebuilds {@code services} only. */
    Set<ObjectKey> some(ClusterSnapshot snapshot, Set<ObjectKey> services, NodeContext node, Set<ServiceKey> changed) {
        Map<ObjectKey, List<EndpointSlice>> grouped = services.size() > SCAN_LIMIT
                ? SlicesByService.group(snapshot.endpointSlices().values()) : null;
        for (ObjectKey key : services) {
            List<EndpointSlice> slices = grouped != null ? grouped.getOrDefault(key, List.of()) : snapshot.slicesOf(key);
            one(key, snapshot.services().get(key), slices, node, changed);
        }
        return services;
    }

    private void one(ObjectKey key, Service service, List<EndpointSlice> slices, NodeContext node,
            Set<ServiceKey> changed) {
        if (service == null || !ServiceModelBuilder.programmable(service)) {
            desired.remove(key, changed);
            problems.report(key, List.of());
            return;
        }
        ProxiedService model = builder.build(service, slices, node, claims);
        desired.put(model, IpvsTranslation.entries(model), changed);
        problems.report(key, model.problems());
    }
}
