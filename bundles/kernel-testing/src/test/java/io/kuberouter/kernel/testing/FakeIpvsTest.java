package io.kuberouter.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.IpvsBatchException;
import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeIpvsTest {

    private final FakeKernel kernel = new FakeKernel();
    private final ServiceKey dns = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.UDP, 53);
    private final Destination ep = Destination.of(IpPrefix.address("10.244.1.5"), 53, ForwardingMethod.MASQ, 1);

    @Test
    void servicesAndDestinationsFailLikeTheKernel() throws Exception {
        VirtualService svc = new VirtualService(dns, "mh", Set.of(ServiceFlag.SCHED_FALLBACK, ServiceFlag.SCHED_PORT),
                0, 32);
        kernel.ipvs().addService(svc);
        assertEquals("IPVS_CMD_NEW_SERVICE UDP:10.96.0.10:53: File exists (EEXIST, errno 17)",
                assertThrows(KernelException.class, () -> kernel.ipvs().addService(svc)).getMessage());
        assertTrue(assertThrows(KernelException.class,
                () -> kernel.ipvs().addService(VirtualService.of(new ServiceKey.ByFwmark(dns.family(), 7), "nope")))
                .is(Errno.ENOENT));
        kernel.ipvs().addDestination(dns, ep);
        kernel.ipvs().setConnections(dns, ep, 3, 1);
        kernel.ipvs().updateDestination(dns, ep.withWeight(0));
        var status = kernel.ipvs().destinations(dns).get(0);
        assertEquals(0, status.destination().weight());
        assertEquals(3, status.activeConnections());
        Destination absent = Destination.of(IpPrefix.address("10.244.9.9"), 53, ForwardingMethod.MASQ, 1);
        assertTrue(assertThrows(KernelException.class, () -> kernel.ipvs().deleteDestination(dns, absent))
                .is(Errno.ENOENT));
        kernel.ipvs().deleteService(dns);
        assertTrue(assertThrows(KernelException.class, () -> kernel.ipvs().destinations(dns)).is(Errno.ESRCH));
    }

    @Test
    void batchAttemptsEveryOperationAndListsFailures() throws Exception {
        VirtualService svc = VirtualService.of(dns, "rr");
        IpvsBatchException e = assertThrows(IpvsBatchException.class, () -> kernel.ipvs().apply(List.of(
                new IpvsOp.AddService(svc), new IpvsOp.AddService(svc), new IpvsOp.AddDestination(dns, ep),
                new IpvsOp.DeleteDestination(new ServiceKey.ByFwmark(dns.family(), 9), ep))));
        assertEquals(List.of(1, 3), e.failures().stream().map(IpvsBatchException.Failure::index).toList());
        assertTrue(e.failures().get(1).error().is(Errno.ESRCH));
        assertEquals(1, kernel.ipvs().destinations(dns).size());
    }

    @Test
    void timeoutsKeepUnsetFields() throws Exception {
        kernel.ipvs().setTimeouts(new IpvsTimeouts(0, 0, 60));
        assertEquals(new IpvsTimeouts(900, 120, 60), kernel.ipvs().timeouts());
    }

    @Test
    void conntrackDeletesUdpEntriesOfARemovedDestination() throws Exception {
        var client = IpPrefix.address("10.244.2.2");
        kernel.conntrack().add(new ConntrackEntry(IpProtocol.UDP, client, 40000, IpPrefix.address("10.96.0.10"), 53,
                IpPrefix.address("10.244.1.5"), 53));
        kernel.conntrack().add(new ConntrackEntry(IpProtocol.TCP, client, 40001, IpPrefix.address("10.96.0.10"), 53,
                IpPrefix.address("10.244.1.5"), 53));
        assertEquals(1, kernel.conntrack().deleteByReplySource(IpProtocol.UDP, IpPrefix.address("10.244.1.5"), 0));
        assertEquals(0, kernel.conntrack().deleteByOriginalDestination(IpProtocol.UDP, IpPrefix.address("10.96.0.10"), 53));
        assertEquals(1, kernel.conntrack().entries().size());
    }
}
