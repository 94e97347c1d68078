package io.kuberouter.kernel.netlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.route.Nexthop;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.route.RouteType;
import io.kuberouter.kernel.api.rule.Rule;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.harness.NetnsExtension;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.impl.NetlinkAddresses;
import io.kuberouter.kernel.netlink.impl.NetlinkLinks;
import io.kuberouter.kernel.netlink.impl.NetlinkRoutes;
import io.kuberouter.kernel.netlink.impl.NetlinkRules;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Links, addresses, routes and rules against the host kernel, each test in fresh namespaces that
 * JUnit deletes afterwards. Every change is made through our services inside the namespace and then
 * checked with iproute2, which reads the kernel independently.
 */
@ExtendWith(NetnsExtension.class)
class RtnetlinkIT {

    private final NetlinkLinks links = new NetlinkLinks();
    private final NetlinkAddresses addresses = new NetlinkAddresses();
    private final NetlinkRoutes routes = new NetlinkRoutes();
    private final NetlinkRules rules = new NetlinkRules();

    @Test
    void vethAndBridge(Netns ns) throws Exception {
        Inside.run(ns, () -> {
            Link kv0 = links.add(new LinkSpec.Veth("kv0", 0, "kv1", Optional.empty()));
            assertEquals("veth", kv0.kind());
            links.add(new LinkSpec.Bridge("kbr0", 1400));
            links.setMaster("kv0", Optional.of("kbr0"));
            links.setMtu("kv0", 1400);
            links.setUp("kv0", true);
            links.setUp("kbr0", true);
        });
        String kv0 = ns.ip("-d", "link", "show", "kv0");
        assertTrue(kv0.contains("mtu 1400") && kv0.contains("master kbr0") && kv0.contains("veth"), kv0);
        assertTrue(ns.ip("link", "show", "kv1").contains("kv1@kv0"));
        Link bridge = Inside.call(ns, () -> links.get("kbr0")).orElseThrow();
        assertEquals(List.of("bridge", "1400", "true"), List.of(bridge.kind(), "" + bridge.mtu(), "" + bridge.up()));
        List<Link> all = Inside.call(ns, links::list);
        assertEquals(List.of("lo", "kv1", "kv0", "kbr0"), all.stream().map(Link::name).toList());
        assertEquals(bridge.index(), all.get(2).masterIndex());
        Inside.run(ns, () -> {
            links.setMaster("kv0", Optional.empty());
            links.setUp("kbr0", false);
            links.delete("kv0");
        });
        assertFalse(ns.ip("link").contains("kv"));
        assertTrue(ns.ip("link", "show", "kbr0").contains("state DOWN"));
    }

    /** A veth whose peer is created in another namespace, then one end of another pair moved there. */
    @Test
    void vethAcrossNamespaces(Netns a, Netns b) throws Exception {
        Inside.run(a, () -> {
            links.add(new LinkSpec.Veth("ka", 0, "kb", Optional.of(Inside.ref(b))));
            links.add(new LinkSpec.Veth("kmove", 0, "kstay", Optional.empty()));
            links.moveToNetns("kmove", Inside.ref(b));
        });
        assertTrue(b.ip("link", "show", "kb").contains("kb@"));
        assertTrue(b.ip("link", "show", "kmove").contains("kmove@"));
        assertFalse(a.ip("link").contains("kmove"));
        assertTrue(Inside.call(b, () -> links.get("kb")).isPresent());
    }

    @Test
    void addresses(Netns ns) throws Exception {
        ns.ip("link", "add", "kbr0", "type", "bridge");
        Address v4 = Address.of("kbr0", IpPrefix.parse("10.77.0.1/24"));
        Address vip = new Address("kbr0", IpPrefix.parse("10.96.0.10/32"), Scope.LINK);
        Address v6 = Address.of("kbr0", IpPrefix.parse("fd77::1/64"));
        Inside.run(ns, () -> {
            addresses.add(v4);
            addresses.add(v6);
            addresses.replace(vip);
            addresses.replace(vip);
        });
        String shown = ns.ip("-o", "addr", "show", "dev", "kbr0");
        assertTrue(shown.contains("inet 10.77.0.1/24") && shown.contains("inet 10.96.0.10/32 scope link")
                && shown.contains("inet6 fd77::1/64"), shown);
        assertEquals(List.of(vip, v4, v6), Inside.call(ns, () -> addresses.list("kbr0")).stream()
                .filter(a -> !a.prefix().toString().startsWith("fe80")).toList());
        Inside.run(ns, () -> addresses.delete(vip));
        assertFalse(ns.ip("addr").contains("10.96.0.10"));
    }

    /** Table 77, protocol 17 (kube-router's BGP-learned routes): single path, multipath, blackhole, src. */
    @Test
    void routesInCustomTable(Netns ns) throws Exception {
        ns.ip("link", "add", "kbr0", "type", "bridge");
        ns.ip("addr", "add", "10.77.0.1/24", "dev", "kbr0");
        ns.ip("link", "set", "kbr0", "up");
        List<Route> wanted = List.of(
                route("10.78.0.0/24").nexthop(Nexthop.via(IpPrefix.address("10.77.0.2"), "kbr0")).build(),
                route("10.79.0.0/24").nexthop(Nexthop.via(IpPrefix.address("10.77.0.2"), "kbr0"))
                        .nexthop(new Nexthop(Optional.of(IpPrefix.address("10.77.0.3")), Optional.of("kbr0"), 3, false))
                        .build(),
                route("10.80.0.0/24").type(RouteType.BLACKHOLE).metric(100).build(),
                route("10.81.0.0/24").dev("kbr0").src(IpPrefix.address("10.77.0.1")).build());
        Inside.run(ns, () -> {
            for (Route r : wanted) {
                routes.add(r);
            }
        });
        String table = ns.ip("route", "show", "table", "77", "proto", "17");
        assertEquals(4, table.lines().filter(l -> !l.startsWith("\t")).count(), table);
        assertTrue(table.contains("nexthop via 10.77.0.3 dev kbr0 weight 3"), table);
        assertEquals(wanted, Inside.call(ns, () -> routes.list(RouteFilter.table(AddressFamily.INET, 77))));
        Route moved = route("10.78.0.0/24").nexthop(Nexthop.via(IpPrefix.address("10.77.0.9"), "kbr0")).build();
        Inside.run(ns, () -> routes.replace(moved));
        assertTrue(ns.ip("route", "show", "table", "77").contains("10.78.0.0/24 via 10.77.0.9"));
        Inside.run(ns, () -> routes.delete(moved));
        Inside.run(ns, () -> wanted.subList(1, 4).forEach(this::deleteRoute));
        assertEquals("", ns.ip("route", "show", "table", "77").strip());
    }

    @Test
    void policyRules(Netns ns) throws Exception {
        Rule from = Rule.from(IpPrefix.parse("10.77.0.0/24"), 1077, 77);
        Rule mark = Rule.fwmark(AddressFamily.INET, 1078, 0x1f3, 78);
        Rule masked = new Rule(AddressFamily.INET, 1079, 0x100, 0xff00, Optional.empty(),
                Optional.of(IpPrefix.parse("10.96.0.0/12")), 1000);
        Inside.run(ns, () -> {
            rules.add(from);
            rules.add(mark);
            rules.add(masked);
        });
        String shown = ns.ip("rule", "show");
        assertTrue(shown.contains("1077:\tfrom 10.77.0.0/24 lookup 77")
                && shown.contains("1078:\tfrom all fwmark 0x1f3 lookup 78")
                && shown.contains("1079:\tfrom all to 10.96.0.0/12 fwmark 0x100/0xff00 lookup 1000"), shown);
        List<Rule> listed = Inside.call(ns, () -> rules.list(AddressFamily.INET));
        assertEquals(List.of(Rule.all(AddressFamily.INET, 0, 255), from, mark, masked,
                Rule.all(AddressFamily.INET, 32766, 254), Rule.all(AddressFamily.INET, 32767, 253)), listed);
        Inside.run(ns, () -> {
            rules.delete(from);
            rules.delete(mark);
            rules.delete(masked);
        });
        assertFalse(ns.ip("rule", "show").contains("107"));
    }

    private void deleteRoute(Route r) {
        try {
            routes.delete(r);
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
    }

    private static Route.Builder route(String dst) {
        return Route.to(IpPrefix.parse(dst)).table(77).protocol(17);
    }
}
