package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.ipvs.IpvsBatchException;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.netlink.socket.RequestFailure;
import io.kuberouter.kernel.netlink.wire.Request;
import io.kuberouter.kernel.netlink.wire.ipvs.IpvsReplies;
import io.kuberouter.kernel.netlink.wire.ipvs.IpvsRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Ipvs} over generic netlink. {@link #apply} sends the whole batch through one socket, up to a
 * thousand requests per {@code sendmsg}, and maps every refused request back to its operation.
 */
@Component(service = Ipvs.class)
public final class NetlinkIpvs implements Ipvs {

    @Override
    public List<ServiceStatus> services() throws KernelException {
        try (IpvsSession s = IpvsSession.open()) {
            return s.socket().dump(s.requests().getServices()).stream().map(IpvsReplies::service).toList();
        }
    }

    @Override
    public List<DestinationStatus> destinations(ServiceKey key) throws KernelException {
        try (IpvsSession s = IpvsSession.open()) {
            return s.socket().dump(s.requests().getDestinations(key)).stream()
                    .map(m -> IpvsReplies.destination(m, key.family())).toList();
        }
    }

    @Override
    public void addService(VirtualService service) throws KernelException {
        execute(r -> r.newService(service));
    }

    @Override
    public void updateService(VirtualService service) throws KernelException {
        execute(r -> r.setService(service));
    }

    @Override
    public void deleteService(ServiceKey key) throws KernelException {
        execute(r -> r.delService(key));
    }

    @Override
    public void addDestination(ServiceKey key, Destination destination) throws KernelException {
        execute(r -> r.newDestination(key, destination));
    }

    @Override
    public void updateDestination(ServiceKey key, Destination destination) throws KernelException {
        execute(r -> r.setDestination(key, destination));
    }

    @Override
    public void deleteDestination(ServiceKey key, Destination destination) throws KernelException {
        execute(r -> r.delDestination(key, destination));
    }

    @Override
    public void apply(List<IpvsOp> ops) throws KernelException {
        if (ops.isEmpty()) {
            return;
        }
        try (IpvsSession s = IpvsSession.open()) {
            List<Request> requests = new ArrayList<>(ops.size());
            ops.forEach(op -> requests.add(IpvsOps.encode(s.requests(), op)));
            List<RequestFailure> failures = s.socket().executeAll(requests);
            if (!failures.isEmpty()) {
                throw new IpvsBatchException(failures.stream()
                        .map(f -> new IpvsBatchException.Failure(f.index(), ops.get(f.index()), f.error())).toList());
            }
        }
    }

    @Override
    public void flush() throws KernelException {
        execute(IpvsRequests::flush);
    }

    @Override
    public IpvsTimeouts timeouts() throws KernelException {
        try (IpvsSession s = IpvsSession.open()) {
            return IpvsReplies.timeouts(s.socket().query(s.requests().getConfig()).get(0));
        }
    }

    @Override
    public void setTimeouts(IpvsTimeouts timeouts) throws KernelException {
        execute(r -> r.setConfig(timeouts));
    }

    private static void execute(Function<IpvsRequests, Request> request) throws KernelException {
        try (IpvsSession s = IpvsSession.open()) {
            s.socket().execute(request.apply(s.requests()));
        }
    }
}
