package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.Capture.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.netlink.wire.Ack;
import io.kuberouter.kernel.netlink.wire.Capture;
import io.kuberouter.kernel.netlink.wire.Netlink;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Address requests and replies against iproute2 (vectors/rtnl: kbr0 has index 5). */
class AddressMessagesTest {

    private final AddressMessages addresses = new AddressMessages();

    /**
     * {@code ip addr add 10.77.0.1/24 dev kbr0}:
     * <pre>
     * 28 00 00 00  14 00  05 06       len 40, RTM_NEWADDR, REQUEST|ACK|EXCL|CREATE
     * 02 18 00 00  05 00 00 00        ifaddrmsg: AF_INET, /24, flags 0, scope universe, index 5
     * 08 00 02 00  0a 4d 00 01        IFA_LOCAL 10.77.0.1
     * 08 00 01 00  0a 4d 00 01        IFA_ADDRESS 10.77.0.1
     * </pre>
     */
    @Test
    void add() {
        Address a = Address.of("kbr0", IpPrefix.parse("10.77.0.1/24"));
        assertSameMessage(Capture.load("rtnl/addr-add").sent(20), addresses.newAddress(a, 5, false).bytes(),
                Netlink.NLM_F_ACK);
        assertSameMessage(Capture.load("rtnl/addr-del").sent(21), addresses.delAddress(a, 5).bytes(),
                Netlink.NLM_F_ACK);
    }

    @Test
    void replaceWithLinkScopeAndIpv6() {
        Address vip = new Address("kbr0", IpPrefix.parse("10.77.0.9/32"), Scope.LINK);
        assertSameMessage(Capture.load("rtnl/addr-replace-link").sent(20), addresses.newAddress(vip, 5, true).bytes(),
                Netlink.NLM_F_ACK);
        Address v6 = Address.of("kbr0", IpPrefix.parse("fd77::1/64"));
        assertSameMessage(Capture.load("rtnl/addr-add-v6").sent(20), addresses.newAddress(v6, 5, false).bytes(),
                Netlink.NLM_F_ACK);
    }

    /** The kernel's extended ack explains the EEXIST. */
    @Test
    void duplicateIsEexistWithText() {
        Ack ack = Ack.ofError(Capture.load("rtnl/addr-add-eexist").received(Netlink.NLMSG_ERROR).get(0));
        assertEquals(new Ack(Errno.EEXIST.number(), ack.requestSeq(), "ipv4: Address already assigned"), ack);
    }

    @Test
    void dump() {
        Capture c = Capture.load("rtnl/addr-dump");
        assertSameMessage(c.sent(22), addresses.dumpAddresses().bytes(), 0);
        List<AddressMessages.Listed> listed = c.received(20).stream().map(AddressMessages::address)
                .flatMap(Optional::stream).toList();
        assertEquals(List.of(new AddressMessages.Listed(5, IpPrefix.parse("10.77.0.9/32"), Scope.LINK),
                new AddressMessages.Listed(5, IpPrefix.parse("10.77.0.1/24"), Scope.UNIVERSE),
                new AddressMessages.Listed(5, IpPrefix.parse("fd77::1/64"), Scope.UNIVERSE)), listed);
    }
}
