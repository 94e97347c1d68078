package io.kuberouter.kernel.netlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.IpvsBatchException;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.harness.Kernel;
import io.kuberouter.kernel.harness.KernelTest;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.impl.NetlinkIpvs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * IPVS through generic netlink against a real kernel (a UML guest when the host lacks ip_vs), each test
 * in its own namespace so it has its own IPVS table. {@code ipvsadm} reads the result independently.
 */
@KernelTest(requires = {Kernel.IPVS, Kernel.DUMMY})
class IpvsGuestIT {

    private final NetlinkIpvs ipvs = new NetlinkIpvs();
    private final ServiceKey tcp = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.TCP, 80);
    private final ServiceKey udp = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.12"), IpProtocol.UDP, 53);
    private final ServiceKey fwmark = new ServiceKey.ByFwmark(AddressFamily.INET, 77);
    private final Destination masq = Destination.of(IpPrefix.address("10.0.0.2"), 8080, ForwardingMethod.MASQ, 1);
    private final Destination tunnel = Destination.of(IpPrefix.address("10.0.0.3"), 0, ForwardingMethod.TUNNEL, 2);

    @Test
    void servicesByVipAndFwmarkWithMasqAndTunnelDestinations() throws Exception {
        try (Netns ns = node()) {
            VirtualService persistent = new VirtualService(udp, "rr", Set.of(ServiceFlag.PERSISTENT), 300, 24);
            Inside.run(ns, () -> {
                ipvs.addService(VirtualService.of(tcp, "rr"));
                ipvs.addService(VirtualService.of(fwmark, "rr"));
                ipvs.addService(persistent);
                ipvs.addDestination(tcp, masq);
                ipvs.addDestination(fwmark, tunnel);
                ipvs.updateService(VirtualService.of(tcp, "wrr"));
                ipvs.updateDestination(tcp, masq.withWeight(5));
            });
            String shown = ns.exec("ipvsadm", "-Ln");
            assertTrue(shown.contains("TCP  10.96.0.10:80 wrr") && shown.contains("-> 10.0.0.2:8080")
                    && shown.contains("Masq    5") && shown.contains("FWM  77 rr") && shown.contains("Tunnel  2")
                    && shown.contains("UDP  10.96.0.12:53 rr persistent 300 mask 255.255.255.0"), shown);
            Set<VirtualService> listed = Inside.call(ns, ipvs::services).stream().map(ServiceStatus::service)
                    .collect(Collectors.toSet());
            assertEquals(Set.of(VirtualService.of(tcp, "wrr"), VirtualService.of(fwmark, "rr"), persistent), listed);
            assertEquals(List.of(tunnel), Inside.call(ns, () -> ipvs.destinations(fwmark)).stream()
                    .map(DestinationStatus::destination).toList());
            Inside.run(ns, () -> {
                ipvs.deleteDestination(tcp, masq);
                ipvs.deleteService(fwmark);
            });
            assertEquals(2, Inside.call(ns, ipvs::services).size());
            assertEquals(List.of(), Inside.call(ns, () -> ipvs.destinations(tcp)));
        }
    }

    /** One unanswered connection to the VIP shows up in the listed counters (folded in within ~2 s). */
    @Test
    void listingWithStats() throws Exception {
        try (Netns ns = node()) {
            Inside.run(ns, () -> {
                ipvs.addService(VirtualService.of(tcp, "rr"));
                ipvs.addDestination(tcp, masq);
            });
            ns.run("curl", "-s", "-m", "1", "http://10.96.0.10/");
            DestinationStatus d = null;
            for (int i = 0; i < 50 && (d == null || d.stats().inBytes() == 0); i++) {
                Thread.sleep(100);
                d = Inside.call(ns, () -> ipvs.destinations(tcp)).get(0);
            }
            assertEquals(1, d.stats().connections());
            assertTrue(d.stats().inPackets() >= 1 && d.stats().inBytes() >= 60, d.toString());
            assertEquals(0, d.stats().outPackets());
            ServiceStatus s = Inside.call(ns, ipvs::services).get(0);
            assertEquals(1, s.stats().connections());
            assertTrue(ns.exec("ipvsadm", "-Ln", "--stats").contains("10.0.0.2:8080                       1"));
        }
    }

    @Test
    void kernelErrorsNameOperationAndErrno() throws Exception {
        try (Netns ns = node()) {
            Inside.run(ns, () -> ipvs.addService(VirtualService.of(tcp, "rr")));
            assertError(ns, "IPVS_CMD_NEW_SERVICE TCP:10.96.0.10:80: File exists (EEXIST, errno 17)", Errno.EEXIST,
                    () -> ipvs.addService(VirtualService.of(tcp, "rr")));
            assertError(ns, "IPVS_CMD_DEL_DEST TCP:10.96.0.10:80 -> 10.0.0.9:8080: No such file or directory "
                    + "(ENOENT, errno 2)", Errno.ENOENT, () -> ipvs.deleteDestination(tcp,
                            Destination.of(IpPrefix.address("10.0.0.9"), 8080, ForwardingMethod.MASQ, 1)));
            assertError(ns, "IPVS_CMD_NEW_SERVICE UDP:10.96.0.12:53: No such file or directory (ENOENT, errno 2)",
                    Errno.ENOENT, () -> ipvs.addService(VirtualService.of(udp, "nosuch")));
            assertError(ns, "IPVS_CMD_DEL_SERVICE FWM:77/INET: No such process (ESRCH, errno 3)", Errno.ESRCH,
                    () -> ipvs.deleteService(fwmark));
            ServiceKey v6 = new ServiceKey.ByAddress(IpPrefix.address("fd00::10"), IpProtocol.TCP, 80);
            assertError(ns, "IPVS_CMD_NEW_SERVICE TCP:[fd00::10]:80: Invalid argument (EINVAL, errno 22)", Errno.EINVAL,
                    () -> ipvs.addService(new VirtualService(v6, "rr", Set.of(ServiceFlag.PERSISTENT), 60, 0)));
        }
    }

    /** Every op of a batch is attempted; the refused ones come back with their index and errno. */
    @Test
    void batchReportsEachFailedOperation() throws Exception {
        try (Netns ns = node()) {
            List<IpvsOp> ops = new ArrayList<>();
            for (int s = 0; s < 300; s++) {
                ServiceKey key = new ServiceKey.ByAddress(IpPrefix.address("10.96.1." + s % 250), IpProtocol.TCP,
                        1000 + s);
                ops.add(new IpvsOp.AddService(VirtualService.of(key, "rr")));
                for (int d = 0; d < 4; d++) {
                    ops.add(new IpvsOp.AddDestination(key, Destination.of(IpPrefix.address("10.0.0." + (2 + d)), 80,
                            ForwardingMethod.MASQ, 1)));
                }
            }
            ops.add(700, new IpvsOp.AddService(VirtualService.of(tcp, "rr")));
            ops.add(701, new IpvsOp.AddService(VirtualService.of(tcp, "rr")));
            ops.add(new IpvsOp.AddDestination(fwmark, tunnel));
            IpvsBatchException e = assertThrows(IpvsBatchException.class, () -> Inside.run(ns, () -> ipvs.apply(ops)));
            assertEquals(List.of(701, ops.size() - 1), e.failures().stream().map(IpvsBatchException.Failure::index).toList());
            assertTrue(e.failures().get(0).error().is(Errno.EEXIST));
            assertTrue(e.failures().get(1).error().is(Errno.ESRCH));
            assertEquals(301, Inside.call(ns, ipvs::services).size());
            assertEquals(300 * 5 + 1, ns.exec("ipvsadm", "-Sn").lines().count());
        }
    }

    @Test
    void timeoutsAndFlush() throws Exception {
        try (Netns ns = node()) {
            Inside.run(ns, () -> {
                ipvs.setTimeouts(new IpvsTimeouts(7200, 30, 60));
                ipvs.setTimeouts(new IpvsTimeouts(0, 0, 120));
                ipvs.addService(VirtualService.of(tcp, "rr"));
                ipvs.flush();
            });
            assertEquals(new IpvsTimeouts(7200, 30, 120), Inside.call(ns, ipvs::timeouts));
            assertTrue(ns.exec("ipvsadm", "-L", "--timeout").contains("Timeout (tcp tcpfin udp): 7200 30 120"));
            assertEquals(List.of(), Inside.call(ns, ipvs::services));
        }
    }

    /** A namespace with lo up and d0 (10.0.0.1/24, dummy) through which 10.96.0.0/16 is routed. */
    private static Netns node() {
        Netns ns = Netns.create();
        ns.ip("link", "add", "d0", "type", "dummy");
        ns.ip("addr", "add", "10.0.0.1/24", "dev", "d0");
        ns.ip("link", "set", "d0", "up");
        ns.ip("route", "add", "10.96.0.0/16", "dev", "d0");
        return ns;
    }

    private static void assertError(Netns ns, String message, Errno errno, Inside.Action action) {
        KernelException e = assertThrows(KernelException.class, () -> Inside.run(ns, action));
        assertEquals(message, e.getMessage());
        assertTrue(e.is(errno));
    }
}
