package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.conntrack.Conntrack;
import io.kuberouter.kernel.netlink.socket.NetlinkSocket;
import io.kuberouter.kernel.netlink.socket.RequestFailure;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import io.kuberouter.kernel.netlink.wire.conntrack.ConntrackEntry;
import io.kuberouter.kernel.netlink.wire.conntrack.ConntrackMessages;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Conntrack} over ctnetlink: dumps the entries of the address's family, picks the matching ones
 * and deletes them in one batch. An entry that expired in between (ENOENT) is simply not counted.
 */
@Component(service = Conntrack.class)
public final class NetlinkConntrack implements Conntrack {

    @Override
    public int deleteByOriginalDestination(IpProtocol protocol, InetAddress address, int port) throws KernelException {
        return delete(AddressFamily.of(address), e -> e.original().protocol() == protocol.number()
                && e.original().destination().equals(address) && (port == 0 || e.original().destinationPort() == port));
    }

    @Override
    public int deleteByReplySource(IpProtocol protocol, InetAddress address, int port) throws KernelException {
        return delete(AddressFamily.of(address), e -> e.reply().protocol() == protocol.number()
                && e.reply().source().equals(address) && (port == 0 || e.reply().sourcePort() == port));
    }

    private static int delete(AddressFamily family, Predicate<ConntrackEntry> match) throws KernelException {
        ConntrackMessages messages = new ConntrackMessages();
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_NETFILTER)) {
            List<Request> deletes = s.dump(messages.dump(family)).stream().map(ConntrackMessages::entry)
                    .flatMap(Optional::stream).filter(match).map(messages::delete).toList();
            List<RequestFailure> failures = s.executeAll(deletes);
            Optional<RequestFailure> real = failures.stream().filter(f -> !f.error().is(Errno.ENOENT)).findFirst();
            if (real.isPresent()) {
                throw real.get().error();
            }
            return deletes.size() - failures.size();
        }
    }
}
