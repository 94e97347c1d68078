package io.kuberouter.kernel.netlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteType;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.harness.NetnsExtension;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.impl.NetlinkAddresses;
import io.kuberouter.kernel.netlink.impl.NetlinkLinks;
import io.kuberouter.kernel.netlink.impl.NetlinkRoutes;
import io.kuberouter.kernel.netlink.impl.NetlinkRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input reaches the kernel and comes back as a {@link KernelException} naming the operation, the
 * object, the errno and, where the kernel gives one, its extended-ack text.
 */
@ExtendWith(NetnsExtension.class)
class NetlinkErrorsIT {

    private final NetlinkLinks links = new NetlinkLinks();
    private final NetlinkAddresses addresses = new NetlinkAddresses();
    private final NetlinkRoutes routes = new NetlinkRoutes();
    private final NetlinkRules rules = new NetlinkRules();
    private Netns ns;

    @BeforeEach
    void bridge(Netns fresh) {
        ns = fresh;
        ns.ip("link", "add", "kbr0", "type", "bridge");
        ns.ip("addr", "add", "10.77.0.1/24", "dev", "kbr0");
    }

    @Test
    void eexist() throws KernelException {
        assertError("RTM_NEWLINK kbr0: File exists (EEXIST, errno 17)", Errno.EEXIST,
                () -> links.add(new LinkSpec.Bridge("kbr0", 0)));
        assertError("RTM_NEWADDR 10.77.0.1/24 dev kbr0: File exists (EEXIST, errno 17): ipv4: Address already assigned",
                Errno.EEXIST, () -> addresses.add(Address.of("kbr0", IpPrefix.parse("10.77.0.1/24"))));
        Route blackhole = Route.to(IpPrefix.parse("10.80.0.0/24")).type(RouteType.BLACKHOLE)
                .table(77).protocol(17).build();
        Inside.run(ns, () -> routes.add(blackhole));
        assertError("RTM_NEWROUTE 10.80.0.0/24 table 77: File exists (EEXIST, errno 17)", Errno.EEXIST,
                () -> routes.add(blackhole));
        Rule rule = Rule.fwmark(AddressFamily.INET, 1078, 0x1f3, 78);
        Inside.run(ns, () -> rules.add(rule));
        assertError("RTM_NEWRULE priority 1078 lookup 78: File exists (EEXIST, errno 17)", Errno.EEXIST,
                () -> rules.add(rule));
    }

    @Test
    void enoentAndEsrch() {
        assertError("RTM_DELRULE priority 1077 lookup 77: No such file or directory (ENOENT, errno 2)", Errno.ENOENT,
                () -> rules.delete(Rule.from(IpPrefix.parse("10.77.0.0/24"), 1077, 77)));
        Route missing = Route.to(IpPrefix.parse("10.78.0.0/24")).via(IpPrefix.address("10.77.0.2")).table(77).build();
        assertError("RTM_DELROUTE 10.78.0.0/24 table 77: No such process (ESRCH, errno 3): FIB table does not exist",
                Errno.ESRCH, () -> routes.delete(missing));
        assertError("RTM_DELLINK kv9: No such device (ENODEV, errno 19): no link kv9", Errno.ENODEV,
                () -> links.delete("kv9"));
        assertError("RTM_DELADDR 10.77.0.9/32 dev kbr0: Cannot assign requested address (EADDRNOTAVAIL, errno 99): "
                + "ipv4: Address not found", Errno.EADDRNOTAVAIL, () -> addresses.delete(Address.of("kbr0", IpPrefix.parse("10.77.0.9/32"))));
    }

    @Test
    void einval() {
        assertError("RTM_NEWLINK kbr0 mtu 10: Invalid argument (EINVAL, errno 22): mtu less than device minimum",
                Errno.EINVAL, () -> links.setMtu("kbr0", 10));
        Route unreachableGateway = Route.to(IpPrefix.parse("10.78.0.0/24")).via(IpPrefix.address("192.0.2.1"))
                .table(77).build();
        KernelException e = thrown(() -> routes.add(unreachableGateway));
        assertEquals("RTM_NEWROUTE", e.operation());
        assertTrue(e.is(Errno.ENETUNREACH), e.getMessage());
    }

    private void assertError(String message, Errno errno, Inside.Action action) {
        KernelException e = thrown(action);
        assertEquals(message, e.getMessage());
        assertTrue(e.is(errno));
    }

    private KernelException thrown(Inside.Action action) {
        return assertThrows(KernelException.class, () -> Inside.run(ns, action));
    }
}
