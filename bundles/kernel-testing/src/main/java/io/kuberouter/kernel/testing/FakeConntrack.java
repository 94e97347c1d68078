package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.conntrack.Conntrack;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;

/**
 * Fake {@link Conntrack} over a table the test fills with {@link #add(ConntrackEntry)}. Operation
 * {@code IPCTNL_MSG_CT_DELETE}.
 */
public final class FakeConntrack implements Conntrack {

    private static final String OP = "IPCTNL_MSG_CT_DELETE";

    private final FakeKernel kernel;

    FakeConntrack(FakeKernel kernel) {
        this.kernel = kernel;
    }

    /** Test setup: adds an entry to the calling thread's namespace. */
    public void add(ConntrackEntry entry) {
        synchronized (kernel) {
            kernel.state().conntrack.add(entry);
        }
    }

    /** Entries of the calling thread's namespace. */
    public List<ConntrackEntry> entries() {
        synchronized (kernel) {
            return List.copyOf(kernel.state().conntrack);
        }
    }

    @Override
    public int deleteByOriginalDestination(IpProtocol protocol, InetAddress address, int port)
            throws KernelException {
        return delete(protocol + " orig-dst " + address.getHostAddress(), e -> e.protocol() == protocol
                && e.origDst().equals(address) && (port == 0 || e.origDstPort() == port));
    }

    @Override
    public int deleteByReplySource(IpProtocol protocol, InetAddress address, int port) throws KernelException {
        return delete(protocol + " reply-src " + address.getHostAddress(), e -> e.protocol() == protocol
                && e.replySrc().equals(address) && (port == 0 || e.replySrcPort() == port));
    }

    private int delete(String object, Predicate<ConntrackEntry> match) throws KernelException {
        synchronized (kernel) {
            List<ConntrackEntry> table = kernel.enter(OP, object).conntrack;
            int before = table.size();
            table.removeIf(match);
            return before - table.size();
        }
    }
}
