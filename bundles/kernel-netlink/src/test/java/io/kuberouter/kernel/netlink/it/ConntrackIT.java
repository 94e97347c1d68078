package io.kuberouter.kernel.netlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.harness.Netns;
import io.kuberouter.kernel.harness.NetnsExtension;
import io.kuberouter.kernel.netlink.fixture.Inside;
import io.kuberouter.kernel.netlink.impl.NetlinkConntrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Conntrack cleanup for UDP services against the host kernel, entries made with {@code conntrack -I}. */
@ExtendWith(NetnsExtension.class)
class ConntrackIT {

    private final NetlinkConntrack conntrack = new NetlinkConntrack();

    @Test
    void deletesByOriginalDestinationAndReplySource(Netns ns) throws Exception {
        insert(ns, "10.0.0.3", "10.96.0.10", "40000", "53");
        insert(ns, "10.0.0.4", "10.96.0.10", "40001", "53");
        insert(ns, "10.0.0.4", "10.96.0.10", "40001", "5353");
        insert(ns, "fd00::3", "fd00::10", "40002", "53");
        ns.exec("conntrack", "-I", "-s", "10.0.0.5", "-d", "10.96.0.11", "-p", "udp", "--sport", "40003", "--dport", "53",
                "-r", "10.244.1.5", "-q", "10.0.0.5", "--reply-port-src", "5353", "--reply-port-dst", "40003", "-t", "60");

        assertEquals(2, Inside.call(ns, () -> conntrack.deleteByOriginalDestination(IpProtocol.UDP,
                IpPrefix.address("10.96.0.10"), 53)));
        String left = ns.exec("conntrack", "-L");
        assertFalse(left.lines().anyMatch(l -> l.contains("dst=10.96.0.10 sport=4000") && l.contains("dport=53 ")), left);
        assertTrue(left.lines().anyMatch(l -> l.contains("dst=10.96.0.10") && l.contains("dport=5353")), left);
        assertEquals(0, Inside.call(ns, () -> conntrack.deleteByOriginalDestination(IpProtocol.TCP,
                IpPrefix.address("10.96.0.10"), 0)));
        assertEquals(1, Inside.call(ns, () -> conntrack.deleteByReplySource(IpProtocol.UDP,
                IpPrefix.address("10.244.1.5"), 5353)));
        assertEquals(1, Inside.call(ns, () -> conntrack.deleteByOriginalDestination(IpProtocol.UDP,
                IpPrefix.address("fd00::10"), 0)));
        assertEquals(1, ns.exec("conntrack", "-L").lines().filter(l -> l.startsWith("udp")).count());
    }

    private static void insert(Netns ns, String src, String dst, String sport, String dport) {
        ns.exec("conntrack", "-I", "-s", src, "-d", dst, "-p", "udp", "--sport", sport, "--dport", dport, "-t", "60");
    }
}
