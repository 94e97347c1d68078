package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.Ipvs;
import io.kuberouter.kernel.api.ipvs.IpvsBatchException;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.IpvsStats;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fake {@link Ipvs} with the kernel's errors: EEXIST for an existing service/destination, ESRCH for a
 * missing service, ENOENT for a missing destination or an unknown scheduler. Operations are named
 * {@code IPVS_CMD_*}. Counters and connection counts stay as a test sets them with
 * {@link #setStats(ServiceKey, IpvsStats)} and {@link #setConnections}.
 */
public final class FakeIpvs implements Ipvs {

    /** Schedulers the fake kernel "has loaded". */
    public static final Set<String> SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos");

    /** Mutable state of one service. */
    static final class Entry {
        VirtualService service;
        IpvsStats stats = IpvsStats.ZERO;
        final Map<String, DestinationStatus> destinations = new LinkedHashMap<>();

        Entry(VirtualService service) {
            this.service = service;
        }
    }

    private final FakeKernel kernel;

    FakeIpvs(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public List<ServiceStatus> services() throws KernelException {
        synchronized (kernel) {
            return kernel.enter("IPVS_CMD_GET_SERVICE", "").ipvs.values().stream()
                    .map(e -> new ServiceStatus(e.service, e.stats)).toList();
        }
    }

    @Override
    public List<DestinationStatus> destinations(ServiceKey key) throws KernelException {
        synchronized (kernel) {
            return List.copyOf(entry(kernel.enter("IPVS_CMD_GET_DEST", key.toString()), key, "IPVS_CMD_GET_DEST")
                    .destinations.values());
        }
    }

    @Override
    public void addService(VirtualService service) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("IPVS_CMD_NEW_SERVICE", service.key().toString());
            scheduler("IPVS_CMD_NEW_SERVICE", service);
            if (ns.ipvs.putIfAbsent(service.key(), new Entry(service)) != null) {
                throw KernelException.of("IPVS_CMD_NEW_SERVICE", service.key().toString(), Errno.EEXIST);
            }
        }
    }

    @Override
    public void updateService(VirtualService service) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("IPVS_CMD_SET_SERVICE", service.key().toString());
            scheduler("IPVS_CMD_SET_SERVICE", service);
            entry(ns, service.key(), "IPVS_CMD_SET_SERVICE").service = service;
        }
    }

    @Override
    public void deleteService(ServiceKey key) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("IPVS_CMD_DEL_SERVICE", key.toString());
            entry(ns, key, "IPVS_CMD_DEL_SERVICE");
            ns.ipvs.remove(key);
        }
    }

    @Override
    public void addDestination(ServiceKey key, Destination destination) throws KernelException {
        synchronized (kernel) {
            String op = "IPVS_CMD_NEW_DEST";
            Entry e = entry(kernel.enter(op, describe(key, destination)), key, op);
            if (e.destinations.containsKey(destination.target())) {
                throw KernelException.of(op, describe(key, destination), Errno.EEXIST);
            }
            e.destinations.put(destination.target(), new DestinationStatus(destination, 0, 0, 0, IpvsStats.ZERO));
        }
    }

    @Override
    public void updateDestination(ServiceKey key, Destination destination) throws KernelException {
        synchronized (kernel) {
            String op = "IPVS_CMD_SET_DEST";
            DestinationStatus old = destination(kernel.enter(op, describe(key, destination)), key, destination, op);
            entry(kernel.state(), key, op).destinations.put(destination.target(), new DestinationStatus(destination,
                    old.activeConnections(), old.inactiveConnections(), old.persistentConnections(), old.stats()));
        }
    }

    @Override
    public void deleteDestination(ServiceKey key, Destination destination) throws KernelException {
        synchronized (kernel) {
            String op = "IPVS_CMD_DEL_DEST";
            destination(kernel.enter(op, describe(key, destination)), key, destination, op);
            entry(kernel.state(), key, op).destinations.remove(destination.target());
        }
    }

    @Override
    public void apply(List<IpvsOp> ops) throws KernelException {
        List<IpvsBatchException.Failure> failures = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            try {
                applyOne(ops.get(i));
            } catch (KernelException e) {
                failures.add(new IpvsBatchException.Failure(i, ops.get(i), e));
            }
        }
        if (!failures.isEmpty()) {
            throw new IpvsBatchException(failures);
        }
    }

    @Override
    public void flush() throws KernelException {
        synchronized (kernel) {
            kernel.enter("IPVS_CMD_FLUSH", "").ipvs.clear();
        }
    }

    @Override
    public IpvsTimeouts timeouts() throws KernelException {
        synchronized (kernel) {
            return kernel.enter("IPVS_CMD_GET_CONFIG", "").ipvsTimeouts;
        }
    }

    @Override
    public void setTimeouts(IpvsTimeouts t) throws KernelException {
        synchronized (kernel) {
            NetnsState ns = kernel.enter("IPVS_CMD_SET_CONFIG", "");
            IpvsTimeouts old = ns.ipvsTimeouts;
            ns.ipvsTimeouts = new IpvsTimeouts(t.tcp() == 0 ? old.tcp() : t.tcp(),
                    t.tcpFin() == 0 ? old.tcpFin() : t.tcpFin(), t.udp() == 0 ? old.udp() : t.udp());
        }
    }

    /** Test hook: sets a service's counters (calling thread's namespace). */
    public void setStats(ServiceKey key, IpvsStats stats) throws KernelException {
        synchronized (kernel) {
            entry(kernel.state(), key, "IPVS_CMD_GET_SERVICE").stats = stats;
        }
    }

    /** Test hook: sets a destination's connection counts, e.g. to drive graceful termination. */
    public void setConnections(ServiceKey key, Destination destination, int active, int inactive)
            throws KernelException {
        synchronized (kernel) {
            String op = "IPVS_CMD_GET_DEST";
            DestinationStatus old = destination(kernel.state(), key, destination, op);
            entry(kernel.state(), key, op).destinations.put(destination.target(), new DestinationStatus(
                    old.destination(), active, inactive, old.persistentConnections(), old.stats()));
        }
    }

    private void applyOne(IpvsOp op) throws KernelException {
        if (op instanceof IpvsOp.AddService a) {
            addService(a.service());
        } else if (op instanceof IpvsOp.UpdateService u) {
            updateService(u.service());
        } else if (op instanceof IpvsOp.DeleteService d) {
            deleteService(d.key());
        } else if (op instanceof IpvsOp.AddDestination a) {
            addDestination(a.key(), a.destination());
        } else if (op instanceof IpvsOp.UpdateDestination u) {
            updateDestination(u.key(), u.destination());
        } else {
            IpvsOp.DeleteDestination d = (IpvsOp.DeleteDestination) op;
            deleteDestination(d.key(), d.destination());
        }
    }

    private static void scheduler(String op, VirtualService s) throws KernelException {
        if (!SCHEDULERS.contains(s.scheduler())) {
            throw new KernelException(op, s.key().toString(), Errno.ENOENT.number(), "scheduler " + s.scheduler());
        }
    }

    private static Entry entry(NetnsState ns, ServiceKey key, String op) throws KernelException {
        Entry e = ns.ipvs.get(key);
        if (e == null) {
            throw KernelException.of(op, key.toString(), Errno.ESRCH);
        }
        return e;
    }

    private static DestinationStatus destination(NetnsState ns, ServiceKey key, Destination d, String op)
            throws KernelException {
        DestinationStatus s = entry(ns, key, op).destinations.get(d.target());
        if (s == null) {
            throw KernelException.of(op, describe(key, d), Errno.ENOENT);
        }
        return s;
    }

    private static String describe(ServiceKey key, Destination d) {
        return key + " -> " + d.target();
    }
}
