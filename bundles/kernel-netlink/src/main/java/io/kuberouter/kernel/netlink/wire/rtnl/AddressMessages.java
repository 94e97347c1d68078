package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.rtnl.Rtnl.*;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Families;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.MessageWriter;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * {@code RTM_*ADDR} requests and replies: {@code struct ifaddrmsg} (the link by index) followed by
 * {@code IFA_LOCAL} and {@code IFA_ADDRESS}, both the local address as iproute2 sends them for
 * non-point-to-point links. Not thread-safe.
 */
public final class AddressMessages {

    /** A listed address; the link is an index for the caller to name. */
    public record Listed(int linkIndex, IpPrefix prefix, Scope scope) {
    }

    private final MessageWriter w = new MessageWriter();

    /**
     * Adds an address to the link with index {@code linkIndex}: EEXIST if present, unless
     * {@code replace} ({@code NLM_F_REPLACE}), which updates its attributes instead.
     */
    public Request newAddress(Address address, int linkIndex, boolean replace) {
        int flags = Netlink.NLM_F_REQUEST | Netlink.NLM_F_CREATE | (replace ? Netlink.NLM_F_REPLACE : Netlink.NLM_F_EXCL);
        return request(RTM_NEWADDR, "RTM_NEWADDR", flags, address, linkIndex);
    }

    public Request delAddress(Address address, int linkIndex) {
        return request(RTM_DELADDR, "RTM_DELADDR", Netlink.NLM_F_REQUEST, address, linkIndex);
    }

    /** Dump of every address of every family. */
    public Request dumpAddresses() {
        w.begin(RTM_GETADDR, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP).putZeros(IFADDRMSG_LENGTH);
        return new Request(w.finish(), "RTM_GETADDR", "");
    }

    /** Decodes an {@code RTM_NEWADDR} reply; empty for families other than IPv4/IPv6. */
    public static Optional<Listed> address(Message message) {
        ByteBuffer p = message.payload();
        int family = p.get(0) & 0xff;
        if (!Families.isInet(family)) {
            return Optional.empty();
        }
        Attributes a = Attributes.parse(message.payloadFrom(IFADDRMSG_LENGTH));
        int length = Families.of(family).bits() / 8;
        IpPrefix prefix = new IpPrefix(a.address(a.has(IFA_LOCAL) ? IFA_LOCAL : IFA_ADDRESS, length), p.get(1) & 0xff);
        return Optional.of(new Listed(p.getInt(4), prefix, Scope.of(p.get(3) & 0xff)));
    }

    private Request request(int type, String operation, int flags, Address address, int linkIndex) {
        IpPrefix prefix = address.prefix();
        w.begin(type, flags).putU8(prefix.family().number()).putU8(prefix.length()).putU8(0)
                .putU8(address.scope().number()).putU32(linkIndex);
        w.address(IFA_LOCAL, prefix.address()).address(IFA_ADDRESS, prefix.address());
        return new Request(w.finish(), operation, prefix + " dev " + address.link());
    }
}
