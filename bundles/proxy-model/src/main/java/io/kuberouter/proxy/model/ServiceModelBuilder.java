package io.kuberouter.proxy.model;

import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.LoadBalancerIngress;
import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.cluster.ServicePort;
import io.kuberouter.api.cluster.ServiceType;
import io.kuberouter.api.cluster.TrafficPolicy;
import io.kuberouter.api.proxy.Backend;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.Frontend;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.Problem;
import io.kuberouter.api.proxy.ProxiedService;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The desired-state builder: a pure function from one Service, its EndpointSlices, this node and the
 * flags to the backend-neutral {@link ProxiedService} (behaviour inventory §3.1–§3.3). Both proxy backends
 * program its output.
 *
 * <ul>
 *   <li>Not programmed: ExternalName and headless Services, and Services labelled
 *       {@code service.kubernetes.io/service-proxy-name} with another proxy's name.</li>
 *   <li>Per port: one virtual server per ClusterIP, per NodePort address (the node's IP of each family the
 *       Service has a ClusterIP in, or every local address with {@code --nodeport-bindon-all-ip}), per
 *       accepted external IP and per accepted LoadBalancer IP ({@code ipMode: Proxy} ones and all of them
 *       with {@code kube-router.io/service.skiplbips} are left out).</li>
 *   <li>Backends: those of the frontend's family; with a Local traffic policy (internal for ClusterIPs,
 *       external for the others, {@code kube-router.io/service.local: "true"} forcing external Local) only
 *       the local ones, and no virtual server at all when there is none.</li>
 * </ul>
 */
public final class ServiceModelBuilder {

    /** The {@code service.kubernetes.io/service-proxy-name} value this proxy answers to. */
    public static final String PROXY_NAME = "kube-router";

    private final ServiceIpFilter ipFilter;
    private final Settings settings;

    public ServiceModelBuilder(Settings settings) {
        this.settings = settings;
        this.ipFilter = new ServiceIpFilter(settings);
    }

    /** The model of {@code service}; {@link ProxiedService#none} when the proxy does not program it. */
    public ProxiedService build(Service service, List<EndpointSlice> slices, NodeContext node, ClaimPolicy claims) {
        if (!programmable(service)) {
            return ProxiedService.none(service.key());
        }
        List<Problem> problems = new ArrayList<>();
        ServiceAnnotations annotations = ServiceAnnotations.of(service, problems);
        FrontendAddresses addresses = addresses(service, annotations, node, problems);
        Map<String, List<Backend>> backends = ServiceEndpoints.byPortName(slices, node.nodeName());
        Policies policies = new Policies(service.internalTrafficPolicy() == TrafficPolicy.LOCAL,
                service.externalTrafficPolicy() == TrafficPolicy.LOCAL || annotations.externalLocal());
        Set<String> seen = new LinkedHashSet<>();
        List<VirtualServer> servers = new ArrayList<>();
        for (ServicePort port : service.ports()) {
            List<Backend> portBackends = backends.getOrDefault(port.name(), List.of());
            for (Frontend frontend : addresses.frontends(port)) {
                if (seen.add(frontend.id())) {
                    server(service, port, frontend, annotations, portBackends, policies)
                            .ifPresent(s -> servers.add(claims.apply(service, s)));
                }
            }
        }
        return new ProxiedService(service.key(), servers, problems);
    }

    /** Whether kube-router's proxy programs {@code service} at all. */
    public static boolean programmable(Service service) {
        String proxyName = service.labels().get(Service.SERVICE_PROXY_NAME_LABEL);
        return service.type() != ServiceType.EXTERNAL_NAME && !service.headless()
                && (proxyName == null || PROXY_NAME.equals(proxyName));
    }

    private Optional<VirtualServer> server(Service service, ServicePort port, Frontend frontend,
            ServiceAnnotations annotations, List<Backend> backends, Policies policies) {
        List<Backend> candidates = ServiceEndpoints.sameFamily(backends, frontend.address());
        if (policies.local(frontend.kind())) {
            candidates = candidates.stream().filter(Backend::local).toList();
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new VirtualServer(service.key(), port.name(), frontend, annotations.scheduling(),
                Delivery.NAT, candidates));
    }

    private FrontendAddresses addresses(Service service, ServiceAnnotations annotations, NodeContext node,
            List<Problem> problems) {
        List<String> clusterIps = service.clusterIPs().stream().map(IpText::canonical).flatMap(Optional::stream)
                .filter(ip -> settings.enabled(IpFamily.of(ip))).toList();
        List<String> nodePortIps = new ArrayList<>();
        for (IpFamily family : clusterIps.stream().map(IpFamily::of).distinct().toList()) {
            if (settings.nodePortBindOnAllIp()) {
                nodePortIps.addAll(node.localAddresses(family));
            } else {
                node.nodeIp(family).ifPresent(nodePortIps::add);
            }
        }
        List<String> external = ipFilter.accept(service, service.externalIPs(), ServiceIpFilter.Source.EXTERNAL,
                problems);
        List<String> ingress = annotations.skipLoadBalancerIps() ? List.of()
                : service.loadBalancerIngress().stream().filter(i -> !i.proxyMode()).map(LoadBalancerIngress::ip)
                        .toList();
        List<String> loadBalancer = ipFilter.accept(service, ingress, ServiceIpFilter.Source.LOAD_BALANCER, problems);
        return new FrontendAddresses(clusterIps, nodePortIps, external, loadBalancer);
    }

    /** Which traffic policies are Local. */
    private record Policies(boolean internalLocal, boolean externalLocal) {
        boolean local(FrontendKind kind) {
            return kind.external() ? externalLocal : internalLocal;
        }
    }

    /** The frontend addresses of a Service, by kind. */
    private record FrontendAddresses(List<String> clusterIps, List<String> nodePortIps, List<String> external,
            List<String> loadBalancer) {

        List<Frontend> frontends(ServicePort port) {
            List<Frontend> out = new ArrayList<>();
            clusterIps.forEach(ip -> out.add(new Frontend(FrontendKind.CLUSTER_IP, ip, port.protocol(), port.port())));
            if (port.nodePort() > 0) {
                nodePortIps.forEach(ip -> out.add(new Frontend(FrontendKind.NODE_PORT, ip, port.protocol(),
                        port.nodePort())));
            }
            external.forEach(ip -> out.add(new Frontend(FrontendKind.EXTERNAL_IP, ip, port.protocol(), port.port())));
            loadBalancer.forEach(ip -> out.add(new Frontend(FrontendKind.LOAD_BALANCER, ip, port.protocol(),
                    port.port())));
            return out;
        }
    }
}
