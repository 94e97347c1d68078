package io.kuberouter.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.netns.NetnsRef;
import io.kuberouter.kernel.api.route.Nexthop;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.api.route.RouteType;
import io.kuberouter.kernel.api.rule.Rule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeNetworkingTest {

    private final FakeKernel kernel = new FakeKernel();

    @Test
    void duplicateLinkFailsLikeTheKernel() throws Exception {
        Link dummy = kernel.links().add(new LinkSpec.Dummy("kube-dummy-if", 0));
        assertEquals(new Link(2, "kube-dummy-if", "dummy", 1500, false, 0), dummy);
        KernelException e = assertThrows(KernelException.class,
                () -> kernel.links().add(new LinkSpec.Dummy("kube-dummy-if", 0)));
        assertEquals("RTM_NEWLINK kube-dummy-if: File exists (EEXIST, errno 17)", e.getMessage());
        assertTrue(assertThrows(KernelException.class, () -> kernel.links().delete("nope")).is(Errno.ENODEV));
        assertTrue(assertThrows(KernelException.class, () -> kernel.links().setMtu("kube-dummy-if", 20))
                .is(Errno.EINVAL));
    }

    @Test
    void vethPairsBridgesAndNamespaces() throws Exception {
        NetnsRef pod = kernel.addNetns("pod-a");
        kernel.links().add(new LinkSpec.Bridge("kube-bridge", 1450));
        kernel.links().add(new LinkSpec.Veth("veth0", 0, "eth0", Optional.empty()));
        kernel.links().setMaster("veth0", Optional.of("kube-bridge"));
        kernel.links().moveToNetns("eth0", pod);
        assertEquals(2, kernel.links().get("veth0").orElseThrow().masterIndex());
        assertFalse(kernel.links().get("eth0").isPresent());
        assertTrue(kernel.netns().call(pod, () -> kernel.links().get("eth0")).isPresent());
        kernel.links().delete("kube-bridge");
        assertEquals(0, kernel.links().get("veth0").orElseThrow().masterIndex());
        assertTrue(assertThrows(KernelException.class,
                () -> kernel.netns().call(NetnsRef.named("gone"), () -> null)).is(Errno.ENOENT));
    }

    @Test
    void addressesRoutesAndTheirErrors() throws Exception {
        kernel.links().add(new LinkSpec.Dummy("kube-dummy-if", 0));
        Address vip = new Address("kube-dummy-if", IpPrefix.parse("10.96.0.10/32"), Scope.LINK);
        kernel.addresses().add(vip);
        assertTrue(assertThrows(KernelException.class, () -> kernel.addresses().add(vip)).is(Errno.EEXIST));
        Route local = Route.to(IpPrefix.parse("10.96.0.10/32")).type(RouteType.LOCAL).dev("kube-dummy-if")
                .table(Route.TABLE_LOCAL).protocol(Route.PROTO_KERNEL).src(IpPrefix.address("10.96.0.10")).build();
        kernel.routes().replace(local);
        kernel.routes().replace(local);
        assertEquals(List.of(local), kernel.routes().list(RouteFilter.table(AddressFamily.INET, Route.TABLE_LOCAL)));
        Route viaGw = Route.to(IpPrefix.parse("10.244.1.0/24")).via(IpPrefix.address("192.168.1.2")).build();
        assertTrue(assertThrows(KernelException.class, () -> kernel.routes().add(viaGw)).is(Errno.ENETUNREACH));
        kernel.routes().add(Route.to(IpPrefix.parse("10.244.2.0/24"))
                .nexthop(new Nexthop(Optional.of(IpPrefix.address("192.168.1.3")), Optional.of("kube-dummy-if"), 1,
                        true)).build());
        kernel.addresses().delete(vip);
        assertTrue(assertThrows(KernelException.class, () -> kernel.addresses().delete(vip)).is(Errno.EADDRNOTAVAIL));
        assertTrue(assertThrows(KernelException.class, () -> kernel.routes().delete(viaGw)).is(Errno.ESRCH));
        kernel.links().delete("kube-dummy-if");
        assertEquals(List.of(), kernel.routes().list(RouteFilter.all(AddressFamily.INET)));
    }

    @Test
    void rulesHaveDefaultsAndRejectDuplicates() throws Exception {
        Rule dsr = Rule.fwmark(AddressFamily.INET, 32764, 0x1f3, 78);
        kernel.rules().add(dsr);
        assertTrue(assertThrows(KernelException.class, () -> kernel.rules().add(dsr)).is(Errno.EEXIST));
        assertEquals(List.of(0, 32764, 32766, 32767),
                kernel.rules().list(AddressFamily.INET).stream().map(Rule::priority).toList());
        kernel.rules().delete(dsr);
        assertTrue(assertThrows(KernelException.class, () -> kernel.rules().delete(dsr)).is(Errno.ENOENT));
    }

    @Test
    void sysctlsFollowLinksAndFaultsAreInjected() throws Exception {
        kernel.links().add(new LinkSpec.Dummy("kube-dummy-if", 0));
        kernel.sysctls().set("net/ipv4/conf/kube-dummy-if/rp_filter", "2");
        assertEquals("2", kernel.sysctls().get("net/ipv4/conf/kube-dummy-if/rp_filter"));
        assertTrue(assertThrows(KernelException.class, () -> kernel.sysctls().get("net/ipv4/nope")).is(Errno.ENOENT));
        kernel.faults().failNext("RTM_NEWADDR", Errno.EPERM);
        Address a = Address.of("kube-dummy-if", IpPrefix.parse("10.0.0.1/32"));
        KernelException injected = assertThrows(KernelException.class, () -> kernel.addresses().add(a));
        assertEquals("RTM_NEWADDR 10.0.0.1/32 dev kube-dummy-if: Operation not permitted (EPERM, errno 1): "
                + "injected fault", injected.getMessage());
        kernel.addresses().add(a);
        assertEquals(2, kernel.faults().count("RTM_NEWADDR"));
        kernel.faults().failAlways("sysctl", Errno.EACCES);
        assertThrows(KernelException.class, () -> kernel.sysctls().get("net/ipv4/ip_forward"));
        kernel.faults().clear();
        assertEquals("0", kernel.sysctls().get("net/ipv4/ip_forward"));
    }
}
