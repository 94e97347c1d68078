package io.kuberouter.proxy.ipvs.it;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.netlink.impl.NetlinkIpvs;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The netlink IPVS service, counting the operations written (to prove a restart writes none) and timing batches. */
final class CountingIpvs implements Ipvs {

    private final NetlinkIpvs ipvs = new NetlinkIpvs();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger flushes = new AtomicInteger();
    private final AtomicLong applyNanos = new AtomicLong();

    int written() {
        return written.get();
    }

    int flushes() {
        return flushes.get();
    }

    /** Time spent in {@link #apply} so far. */
    long applyNanos() {
        return applyNanos.get();
    }

    @Override
    public List<ServiceStatus> services() throws KernelException {
        return ipvs.services();
    }

    @Override
    public List<DestinationStatus> destinations(ServiceKey key) throws KernelException {
        return ipvs.destinations(key);
    }

    @Override
    public void addService(VirtualService service) throws KernelException {
        written.incrementAndGet();
        ipvs.addService(service);
    }

    @Override
    public void updateService(VirtualService service) throws KernelException {
        written.incrementAndGet();
        ipvs.updateService(service);
    }

    @Override
    public void deleteService(ServiceKey key) throws KernelException {
        written.incrementAndGet();
        ipvs.deleteService(key);
    }

    @Override
    public void addDestination(ServiceKey key, Destination destination) throws KernelException {
        written.incrementAndGet();
        ipvs.addDestination(key, destination);
    }

    @Override
    public void updateDestination(ServiceKey key, Destination destination) throws KernelException {
        written.incrementAndGet();
        ipvs.updateDestination(key, destination);
    }

    @Override
    public void deleteDestination(ServiceKey key, Destination destination) throws KernelException {
        written.incrementAndGet();
        ipvs.deleteDestination(key, destination);
    }

    @Override
    public void apply(List<IpvsOp> ops) throws KernelException {
        written.addAndGet(ops.size());
        long start = System.nanoTime();
        try {
            ipvs.apply(ops);
        } finally {
            applyNanos.addAndGet(System.nanoTime() - start);
        }
    }

    @Override
    public void flush() throws KernelException {
        flushes.incrementAndGet();
        ipvs.flush();
    }

    @Override
    public IpvsTimeouts timeouts() throws KernelException {
        return ipvs.timeouts();
    }

    @Override
    public void setTimeouts(IpvsTimeouts timeouts) throws KernelException {
        ipvs.setTimeouts(timeouts);
    }
}
