package io.kuberouter.kernel.api.ipvs;

import io.kuberouter.kernel.api.KernelException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * IPVS of the calling thread's namespace. Errors follow the kernel: adding an existing service or
 * destination fails with EEXIST; acting on a missing service fails with ESRCH and on a missing
 * destination with ENOENT; an unknown scheduler fails with ENOENT. Without the {@code ip_vs} module
 * every call fails (generic netlink family missing: ENOENT).
 */
@ProviderType
public interface Ipvs {

    /** Every virtual service with its counters. */
    List<ServiceStatus> services() throws KernelException;

    /** Destinations of one service with connection counts and counters. */
    List<DestinationStatus> destinations(ServiceKey key) throws KernelException;

    void addService(VirtualService service) throws KernelException;

    /** Changes scheduler, flags, timeout and netmask of an existing service. */
    void updateService(VirtualService service) throws KernelException;

    /** Deletes a service and all its destinations. */
    void deleteService(ServiceKey key) throws KernelException;

    void addDestination(ServiceKey key, Destination destination) throws KernelException;

    /** Changes method, weight and thresholds of the destination with the same address and port. */
    void updateDestination(ServiceKey key, Destination destination) throws KernelException;

    /** Deletes the destination with the address and port of {@code destination}. */
    void deleteDestination(ServiceKey key, Destination destination) throws KernelException;

    /**
     * Applies many operations in one go (netlink: all requests sent before the acks are read). Every
     * operation is attempted, in order; the batch is not atomic.
     *
     * @throws IpvsBatchException listing each operation that failed (the others took effect)
     */
    void apply(List<IpvsOp> ops) throws KernelException;

    /** Deletes every service ({@code ipvsadm -C}). */
    void flush() throws KernelException;

    /** Current global timeouts. */
    IpvsTimeouts timeouts() throws KernelException;

    /** Sets global timeouts; a 0 field leaves that timeout unchanged. */
    void setTimeouts(IpvsTimeouts timeouts) throws KernelException;
}
