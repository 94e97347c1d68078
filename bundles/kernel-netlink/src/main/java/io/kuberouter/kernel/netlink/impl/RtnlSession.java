package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.netlink.socket.NetlinkSocket;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.rtnl.LinkMessages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One NETLINK_ROUTE socket in the calling thread's namespace plus the link lookups every rtnetlink
 * service needs: requests name links by index, callers by name.
 */
final class RtnlSession implements AutoCloseable {

    private final NetlinkSocket socket;
    private final LinkMessages links = new LinkMessages();

    private RtnlSession(NetlinkSocket socket) {
        this.socket = socket;
    }

    static RtnlSession open() throws KernelException {
        return new RtnlSession(NetlinkSocket.open(Netlink.NETLINK_ROUTE));
    }

    NetlinkSocket socket() {
        return socket;
    }

    /** The link called {@code name}, or empty if there is none. */
    Optional<Link> find(String name) throws KernelException {
        try {
            return socket.query(links.getLink(name)).stream().map(LinkMessages::link).findFirst();
        } catch (KernelException e) {
            if (e.is(Errno.ENODEV)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The link called {@code name}; if it is missing, fails as {@code operation} on {@code object}
     * with ENODEV, the errno the operation itself would have met.
     */
    Link link(String name, String operation, String object) throws KernelException {
        Optional<Link> link = find(name);
        if (link.isEmpty()) {
            throw new KernelException(operation, object, Errno.ENODEV.number(), "no link " + name);
        }
        return link.get();
    }

    /** Every link, in kernel (index) order. */
    List<Link> links() throws KernelException {
        return socket.dump(links.dumpLinks()).stream().map(LinkMessages::link).toList();
    }

    /** Index to name of every link. */
    Map<Integer, String> linkNames() throws KernelException {
        Map<Integer, String> names = new HashMap<>();
        links().forEach(l -> names.put(l.index(), l.name()));
        return names;
    }

    @Override
    public void close() {
        socket.close();
    }
}
