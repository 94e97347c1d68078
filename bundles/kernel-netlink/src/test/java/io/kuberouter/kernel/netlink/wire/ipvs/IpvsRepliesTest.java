package io.kuberouter.kernel.netlink.wire.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.DestinationStatus;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.IpvsStats;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.ServiceStatus;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.netlink.wire.Ack;
import io.kuberouter.kernel.netlink.wire.Capture;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Kernel replies captured under ipvsadm in a UML guest (Linux 6.1), decoded. */
class IpvsRepliesTest {

    private static final int FAMILY = 0x1c;

    /**
     * {@code ipvsadm -Ln --stats} after one unanswered connection to 10.96.0.10:80: four services in
     * one multipart datagram (NLM_F_MULTI, then NLMSG_DONE), each SERVICE nest carrying STATS and
     * STATS64; the 64-bit counters are used.
     */
    @Test
    void servicesOfDump() {
        Capture c = Capture.load("ipvs/list-stats");
        Set<VirtualService> services = c.received(FAMILY).stream().filter(m -> m.payload().get(0) == 1)
                .map(IpvsReplies::service).map(ServiceStatus::service).collect(Collectors.toSet());
        ServiceKey tcp = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.TCP, 80);
        ServiceKey udp = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.12"), IpProtocol.UDP, 53);
        ServiceKey v6 = new ServiceKey.ByAddress(IpPrefix.address("fd00::10"), IpProtocol.TCP, 80);
        assertEquals(Set.of(VirtualService.of(tcp, "wrr"),
                new VirtualService(udp, "rr", Set.of(ServiceFlag.PERSISTENT), 300, 24),
                VirtualService.of(v6, "rr"),
                VirtualService.of(new ServiceKey.ByFwmark(AddressFamily.INET, 77), "rr")), services);
    }

    /** The destination that got the connection: ActiveConn 1, one SYN of 60 bytes in. */
    @Test
    void destinationWithCounters() {
        Message reply = Capture.load("ipvs/list-stats").received(FAMILY).stream()
                .filter(m -> m.payload().get(0) == 5).findFirst().orElseThrow();
        DestinationStatus d = IpvsReplies.destination(reply, AddressFamily.INET);
        assertEquals(Destination.of(IpPrefix.address("10.0.0.2"), 8080, ForwardingMethod.MASQ, 5), d.destination());
        assertEquals(1, d.activeConnections());
        assertEquals(0, d.inactiveConnections());
        assertEquals(new IpvsStats(1, 1, 0, 60, 0, 0, 0, 0, 6, 0), d.stats());
    }

    @Test
    void serviceCountersOfTheConnectedService() {
        List<ServiceStatus> all = Capture.load("ipvs/list-stats").received(FAMILY).stream()
                .filter(m -> m.payload().get(0) == 1).map(IpvsReplies::service).toList();
        ServiceStatus tcp = all.stream().filter(s -> s.service().scheduler().equals("wrr")).findFirst().orElseThrow();
        assertEquals(1, tcp.stats().connections());
        assertEquals(60, tcp.stats().inBytes());
    }

    @Test
    void timeoutsOfGetConfig() {
        Message reply = Capture.load("ipvs/get-timeouts").received(FAMILY).stream()
                .filter(m -> m.payload().get(0) == IpvsAttributes.CMD_SET_CONFIG).findFirst().orElseThrow();
        assertEquals(new IpvsTimeouts(900, 120, 300), IpvsReplies.timeouts(reply));
    }

    /** NLMSG_ERROR with the request header only (NLM_F_CAPPED): errno per failure. */
    @Test
    void errors() {
        assertEquals(Errno.EEXIST.number(), lastError("svc-add-eexist"));
        assertEquals(Errno.ENOENT.number(), lastError("svc-add-bad-sched"));
        assertEquals(Errno.ENOENT.number(), lastError("dst-del-enoent"));
        assertEquals(Errno.ESRCH.number(), lastError("svc-del-esrch"));
        assertEquals(0, lastError("svc-add-tcp"));
    }

    private static int lastError(String vector) {
        List<Message> acks = Capture.load("ipvs/" + vector).received(Netlink.NLMSG_ERROR);
        return Ack.ofError(acks.get(acks.size() - 1)).errno();
    }
}
