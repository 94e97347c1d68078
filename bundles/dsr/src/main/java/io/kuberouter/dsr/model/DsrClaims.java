package io.kuberouter.dsr.model;

import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.Delivery;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.api.proxy.VirtualServer;
import java.util.Optional;

/**
 * Which virtual servers DSR takes over (behaviour inventory §2.1, §3.1): the external-IP and LoadBalancer
 * frontends of a Service annotated {@code kube-router.io/service.dsr: tunnel}. Another value of the annotation
 * does nothing, as upstream. A claimed frontend is matched by its firewall mark, forwarded by IP-in-IP tunnel,
 * and its VIP is not bound to {@code kube-dummy-if} (VIP-less director). ClusterIPs and NodePorts stay with the
 * proxy. Port remapping is not supported (as upstream): the pod must listen on the Service port.
 */
public final class DsrClaims {

    public static final String ANNOTATION = "kube-router.io/service.dsr";
    public static final String TUNNEL = "tunnel";
    public static final String NAME = "dsr";

    private final DsrMarks marks;

    public DsrClaims(DsrMarks marks) {
        this.marks = marks;
    }

    public Optional<Delivery> claim(Service service, VirtualServer server) {
        FrontendKind kind = server.frontend().kind();
        if (!TUNNEL.equals(service.annotation(ANNOTATION))
                || (kind != FrontendKind.EXTERNAL_IP && kind != FrontendKind.LOAD_BALANCER)) {
            return Optional.empty();
        }
        return marks.markOf(server.frontend())
                .map(mark -> new Delivery(Delivery.Forwarding.TUNNEL, mark, false, NAME));
    }
}
