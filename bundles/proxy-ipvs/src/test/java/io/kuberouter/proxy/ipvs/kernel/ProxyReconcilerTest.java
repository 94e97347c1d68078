package io.kuberouter.proxy.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.api.cluster.IpFamily;
import io.kuberouter.api.cluster.Protocol;
import io.kuberouter.api.proxy.FrontendKind;
import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.Scope;
import io.kuberouter.kernel.api.addr.Address;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.api.route.Route;
import io.kuberouter.kernel.api.route.RouteFilter;
import io.kuberouter.kernel.testing.ConntrackEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reconciler against the in-memory kernel: what each round writes, and what it leaves alone. */
class ProxyReconcilerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final GracePeriods GRACE = GracePeriods.fixed(Duration.ofSeconds(30));
    private static final ServiceKey WEB = key("10.96.0.10", IpProtocol.TCP, 80);

    private final FakeNode n1 = new FakeNode();
    private ProxyReconciler reconciler = new ProxyReconciler(ProxyOptions.defaults());

    ProxyReconcilerTest() throws Exception {
        n1.put("web", FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80, "10.244.1.5:8080", "10.244.2.6:8080");
        n1.put("dns", FrontendKind.CLUSTER_IP, "10.96.0.53", Protocol.UDP, 53, "10.244.1.9:5353");
    }

    @Test
    void aFullRoundFromEmptyProgramsServicesVipsRoutesSetsRulesAndSysctls() throws Exception {
        full();
        assertEquals(2, n1.fake.ipvs().services().size());
        assertEquals(Set.of("10.244.1.5:8080", "10.244.2.6:8080"), targets(WEB));
        assertTrue(n1.fake.addresses().list("kube-dummy-if").contains(new Address("kube-dummy-if",
                IpPrefix.parse("10.96.0.10/32"), Scope.LINK)));
        Route local = n1.fake.routes().list(new RouteFilter(AddressFamily.INET, Route.TABLE_LOCAL, 0,
                Optional.of("kube-dummy-if"), Optional.of(IpPrefix.parse("10.96.0.10/32")))).get(0);
        assertEquals(Optional.of(IpPrefix.address("10.99.0.1")), local.src());
        assertEquals(List.of("10.96.0.10", "10.96.0.53"), entries("kube-router-svip"));
        assertEquals(List.of("10.96.0.10,tcp:80", "10.96.0.53,udp:53"), entries("kube-router-svip-prt"));
        assertEquals(List.of("10.244.1.1", "10.99.0.1"), entries("kube-router-local-ips"));
        String filter = n1.fake.iptables().table(AddressFamily.INET, "filter").render();
        assertTrue(filter.contains("-A INPUT -m comment --comment \"handle traffic to IPVS service IPs in custom "
                + "chain\" -m set --match-set kube-router-svip dst -j KUBE-ROUTER-SERVICES"), filter);
        assertTrue(n1.fake.iptables().table(AddressFamily.INET, "nat").render().contains("! -s 10.244.1.0/24 "
                + "! -d 10.244.1.0/24 -m ipvs --vdir ORIGINAL --vmethod MASQ -m comment --comment \"\" -j SNAT "
                + "--to-source 10.99.0.1 --random-fully"));
        assertEquals("1", n1.fake.sysctls().get("net/ipv4/vs/conntrack"));
        assertEquals("0", n1.fake.sysctls().get("net/ipv4/vs/conn_reuse_mode"));
        assertEquals("2", n1.fake.sysctls().get("net/ipv4/conf/eth0/rp_filter"));
        assertEquals("2", n1.fake.sysctls().get("net/ipv4/conf/all/rp_filter"));
    }

    @Test
    void aSecondFullRoundAdoptsEverythingAndWritesNoIpvsAddressOrNatChange() throws Exception {
        full();
        n1.fake.faults().resetCalls();
        full();
        List<String> writes = n1.fake.faults().calls().stream().filter(c -> c.startsWith("IPVS_CMD_NEW")
                || c.startsWith("IPVS_CMD_SET") || c.startsWith("IPVS_CMD_DEL") || c.startsWith("RTM_NEW")
                || c.startsWith("RTM_DEL") || c.startsWith("iptables-nft-restore nat")).toList();
        assertEquals(List.of(), writes);
    }

    @Test
    void anEndpointChangeWritesOnlyThatServicesDestinations() throws Exception {
        full();
        n1.fake.faults().resetCalls();
        Set<ServiceKey> changed = n1.put("web", FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80,
                "10.244.2.6:8080", "10.244.3.7:8080");
        assertEquals(Set.of(WEB), changed);
        assertEquals(2, reconciler.incremental(n1.kernel, n1.desired, changed, n1.node, GRACE, T0));
        assertEquals(List.of("IPVS_CMD_NEW_DEST TCP:10.96.0.10:80 -> 10.244.3.7:8080",
                "IPVS_CMD_DEL_DEST TCP:10.96.0.10:80 -> 10.244.1.5:8080"), n1.fake.faults().calls());
        assertEquals(Set.of("10.244.2.6:8080", "10.244.3.7:8080"), targets(WEB));
    }

    @Test
    void aNewAndAGoneServiceChangeOnlyTheirVipsAndSetEntries() throws Exception {
        full();
        n1.fake.faults().resetCalls();
        Set<ServiceKey> changed = n1.put("api", FrontendKind.CLUSTER_IP, "10.96.0.20", Protocol.TCP, 443);
        changed.addAll(n1.remove("dns"));
        reconciler.incremental(n1.kernel, n1.desired, changed, n1.node, GRACE, T0);
        assertEquals(List.of("10.96.0.10", "10.96.0.20"), entries("kube-router-svip"));
        assertEquals(List.of("10.96.0.10,tcp:80", "10.96.0.20,tcp:443"), entries("kube-router-svip-prt"));
        assertEquals(Set.of("10.96.0.10/32", "10.96.0.20/32"), n1.fake.addresses().list("kube-dummy-if").stream()
                .map(a -> a.prefix().toString()).collect(Collectors.toSet()));
        assertFalse(n1.fake.faults().calls().stream().anyMatch(c -> c.startsWith("iptables")));
    }

    @Test
    void startingOnAPopulatedKernelAdoptsWhatMatchesAndPrunesOnlyOwnedLeftovers() throws Exception {
        VirtualService web = VirtualService.of(WEB, "rr");
        n1.fake.ipvs().addService(web);
        n1.fake.ipvs().addDestination(WEB, dest("10.244.1.5", 8080, 1));
        ServiceKey stale = key("10.96.7.7", IpProtocol.TCP, 80);
        ServiceKey excluded = key("172.30.0.1", IpProtocol.TCP, 80);
        ServiceKey foreignMark = new ServiceKey.ByFwmark(AddressFamily.INET, 0x10000);
        for (ServiceKey k : List.of(stale, excluded, foreignMark)) {
            n1.fake.ipvs().addService(VirtualService.of(k, "rr"));
        }
        reconciler = new ProxyReconciler(new ProxyOptions(Set.of(IpFamily.IPV4), false,
                true, false, Duration.ofSeconds(30), IpvsOwnership.everything(List.of(IpPrefix.parse("172.30.0.0/16"))),
                ProxyOptions.defaults().timeouts()));
        n1.fake.faults().resetCalls();
        full();
        List<String> ipvsWrites = n1.fake.faults().calls().stream().filter(c -> c.startsWith("IPVS_CMD_")
                && !c.startsWith("IPVS_CMD_GET")).toList();
        assertEquals(Set.of("IPVS_CMD_NEW_DEST TCP:10.96.0.10:80 -> 10.244.2.6:8080",
                "IPVS_CMD_NEW_SERVICE UDP:10.96.0.53:53", "IPVS_CMD_NEW_DEST UDP:10.96.0.53:53 -> 10.244.1.9:5353",
                "IPVS_CMD_DEL_SERVICE TCP:10.96.7.7:80"), Set.copyOf(ipvsWrites));
        assertEquals("IPVS_CMD_DEL_SERVICE TCP:10.96.7.7:80", ipvsWrites.get(ipvsWrites.size() - 1));
        assertEquals(Set.of(WEB, key("10.96.0.53", IpProtocol.UDP, 53), excluded, foreignMark),
                n1.fake.ipvs().services().stream().map(s -> s.service().key()).collect(Collectors.toSet()));
    }

    @Test
    void whileThePruneGateIsClosedAFullRoundDeletesOnlyWhatItWroteItself() throws Exception {
        ServiceKey earlier = key("10.96.7.7", IpProtocol.TCP, 80);
        n1.fake.ipvs().addService(VirtualService.of(earlier, "rr"));
        boolean[] open = {false};
        reconciler.pruneWhen(() -> open[0]);
        full();
        n1.remove("dns");
        full();
        Set<ServiceKey> present = n1.fake.ipvs().services().stream().map(s -> s.service().key())
                .collect(Collectors.toSet());
        assertEquals(Set.of(WEB, earlier), present, "its own gone Service deleted, the earlier process's kept");

        open[0] = true;
        full();
        assertEquals(Set.of(WEB), n1.fake.ipvs().services().stream().map(s -> s.service().key())
                .collect(Collectors.toSet()));
    }

    @Test
    void gracefulTerminationDrainsAtWeightZeroAndDeletesWhenConnectionsEndOrTheGraceRunsOut() throws Exception {
        reconciler = new ProxyReconciler(ProxyOptions.defaults().withGracefulTermination(true, Duration.ofSeconds(30)));
        full();
        Set<ServiceKey> changed = n1.put("web", FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80,
                "10.244.2.6:8080");
        reconciler.incremental(n1.kernel, n1.desired, changed, n1.node, GRACE, T0);
        Destination drained = dest("10.244.1.5", 8080, 0);
        assertTrue(n1.fake.ipvs().destinations(WEB).stream().anyMatch(d -> d.destination().equals(drained)));
        n1.fake.ipvs().setConnections(WEB, drained, 1, 0);
        assertEquals(0, reconciler.sweep(n1.kernel, T0.plusSeconds(5)));
        assertTrue(reconciler.draining());
        n1.fake.ipvs().setConnections(WEB, drained, 0, 0);
        assertEquals(1, reconciler.sweep(n1.kernel, T0.plusSeconds(10)));
        assertEquals(Set.of("10.244.2.6:8080"), targets(WEB));
        assertFalse(reconciler.draining());
    }

    @Test
    void aDrainEndsAtTheGraceDeadlineEvenWithConnectionsLeft() throws Exception {
        reconciler = new ProxyReconciler(ProxyOptions.defaults().withGracefulTermination(true, Duration.ofSeconds(30)));
        full();
        reconciler.incremental(n1.kernel, n1.desired, n1.put("web", FrontendKind.CLUSTER_IP, "10.96.0.10",
                Protocol.TCP, 80, "10.244.2.6:8080"), n1.node, endpoint -> Duration.ofSeconds(3), T0);
        n1.fake.ipvs().setConnections(WEB, dest("10.244.1.5", 8080, 0), 4, 2);
        assertEquals(0, reconciler.sweep(n1.kernel, T0.plusSeconds(2)));
        assertEquals(1, reconciler.sweep(n1.kernel, T0.plusSeconds(3)));
    }

    @Test
    void aRemovedUdpDestinationClearsTheConntrackEntriesOfItsVip() throws Exception {
        full();
        ConntrackEntry toVip = udp("10.96.0.53", 53, "10.244.1.9");
        ConntrackEntry other = udp("10.96.0.54", 53, "10.244.1.9");
        n1.fake.conntrack().add(toVip);
        n1.fake.conntrack().add(other);
        reconciler.incremental(n1.kernel, n1.desired, n1.put("dns", FrontendKind.CLUSTER_IP, "10.96.0.53",
                Protocol.UDP, 53, "10.244.2.10:5353"), n1.node, GRACE, T0);
        assertEquals(List.of(other), n1.fake.conntrack().entries());
    }

    @Test
    void aFailedRoundLeavesTheKernelToTheNextFullRound() throws Exception {
        full();
        n1.fake.faults().failNext("IPVS_CMD_NEW_DEST", Errno.ENOMEM);
        Set<ServiceKey> changed = n1.put("web", FrontendKind.CLUSTER_IP, "10.96.0.10", Protocol.TCP, 80,
                "10.244.1.5:8080", "10.244.3.7:8080");
        assertThrows(KernelException.class, () -> reconciler.incremental(n1.kernel, n1.desired, changed, n1.node,
                GRACE, T0));
        assertTrue(reconciler.needsFull());
        assertThrows(IllegalStateException.class, () -> reconciler.incremental(n1.kernel, n1.desired, Set.of(),
                n1.node, GRACE, T0));
        full();
        assertEquals(Set.of("10.244.1.5:8080", "10.244.3.7:8080"), targets(WEB));
    }

    @Test
    void removingEverythingKeepsWhatOthersOwn() throws Exception {
        full();
        n1.fake.ipsets().restore("create KUBE-SRC-X hash:ip\n");
        n1.fake.ipvs().addService(VirtualService.of(new ServiceKey.ByFwmark(AddressFamily.INET, 0x10000), "rr"));
        reconciler.removeAll(n1.kernel);
        assertEquals(List.of(new ServiceKey.ByFwmark(AddressFamily.INET, 0x10000)),
                n1.fake.ipvs().services().stream().map(ServiceStatus::service).map(VirtualService::key).toList());
        assertTrue(n1.fake.links().get("kube-dummy-if").isEmpty());
        assertEquals(List.of("KUBE-SRC-X"), n1.fake.ipsets().names());
        String filter = n1.fake.iptables().table(AddressFamily.INET, "filter").render();
        String nat = n1.fake.iptables().table(AddressFamily.INET, "nat").render();
        assertFalse(filter.contains("KUBE-ROUTER-SERVICES") || nat.contains("SNAT"), filter + nat);
    }

    private void full() throws Exception {
        reconciler.full(n1.kernel, n1.desired, n1.node, n1.local(), GRACE, T0);
    }

    private Set<String> targets(ServiceKey key) throws Exception {
        return n1.fake.ipvs().destinations(key).stream().map(DestinationStatus::destination).map(Destination::target)
                .collect(Collectors.toSet());
    }

    private List<String> entries(String set) {
        return n1.fake.ipsets().set(set).orElseThrow().entries().stream().map(e -> e.replace(" timeout 0", ""))
                .sorted().toList();
    }

    private static ServiceKey key(String vip, IpProtocol protocol, int port) {
        return new ServiceKey.ByAddress(IpPrefix.address(vip), protocol, port);
    }

    private static Destination dest(String ip, int port, int weight) {
        return Destination.of(IpPrefix.address(ip), port, ForwardingMethod.MASQ, weight);
    }

    private static ConntrackEntry udp(String vip, int port, String backend) {
        return new ConntrackEntry(IpProtocol.UDP, IpPrefix.address("10.244.2.2"), 40000, IpPrefix.address(vip), port,
                IpPrefix.address(backend), 5353);
    }
}
