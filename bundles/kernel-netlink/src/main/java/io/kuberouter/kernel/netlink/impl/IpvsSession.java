package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.netlink.socket.NetlinkSocket;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import io.kuberouter.kernel.netlink.wire.genl.Genl;
import io.kuberouter.kernel.netlink.wire.ipvs.IpvsRequests;

/**
 * A NETLINK_GENERIC socket in the calling thread's namespace with the IPVS family id resolved through
 * the controller (one round trip; the id changes when ip_vs is reloaded, so it is not cached).
 */
final class IpvsSession implements AutoCloseable {

    private final NetlinkSocket socket;
    private final IpvsRequests requests;

    private IpvsSession(NetlinkSocket socket, IpvsRequests requests) {
        this.socket = socket;
        this.requests = requests;
    }

    /** @throws KernelException ENOENT from {@code CTRL_CMD_GETFAMILY} when ip_vs is not loaded */
    static IpvsSession open() throws KernelException {
        NetlinkSocket socket = NetlinkSocket.open(Netlink.NETLINK_GENERIC);
        try {
            Request resolve = IpvsRequests.resolveFamily();
            return new IpvsSession(socket, new IpvsRequests(Genl.familyId(socket.query(resolve))));
        } catch (KernelException e) {
            socket.close();
            if (e.is(Errno.ENOENT)) {
                throw new KernelException(e.operation(), e.object(), e.errno(),
                        "no generic netlink family IPVS: the ip_vs module is not loaded", e);
            }
            throw e;
        }
    }

    NetlinkSocket socket() {
        return socket;
    }

    IpvsRequests requests() {
        return requests;
    }

    @Override
    public void close() {
        socket.close();
    }
}
