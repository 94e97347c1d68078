package io.kuberouter.kernel.netlink.wire.ipvs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.IpProtocol;
import io.kuberouter.kernel.api.ipvs.Destination;
import io.kuberouter.kernel.api.ipvs.ForwardingMethod;
import io.kuberouter.kernel.api.ipvs.IpvsTimeouts;
import io.kuberouter.kernel.api.ipvs.ServiceFlag;
import io.kuberouter.kernel.api.ipvs.ServiceKey;
import io.kuberouter.kernel.api.ipvs.VirtualService;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Capture;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * IPVS requests against what ipvsadm 1.31 (libnl) sent in a UML guest (vectors/ipvs). Full entries
 * must match byte for byte; where ipvsadm pads a service reference with a zeroed full entry, ours
 * carries the key alone, which must equal the leading attributes of ipvsadm's.
 */
class IpvsRequestsTest {

    /** The family id the guest's controller assigned (see GenlTest). */
    private static final int FAMILY = 0x1c;

    private final IpvsRequests requests = new IpvsRequests(FAMILY);
    private final ServiceKey tcp = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.10"), IpProtocol.TCP, 80);
    private final ServiceKey fwmark = new ServiceKey.ByFwmark(AddressFamily.INET, 77);
    private final Destination masq = Destination.of(IpPrefix.address("10.0.0.2"), 8080, ForwardingMethod.MASQ, 1);

    /**
     * {@code ipvsadm -A -t 10.96.0.10:80 -s rr}:
     * <pre>
     * 68 00 00 00  1c 00  05 00  .. seq ..  .. pid ..   len 104, type IPVS (0x1c), REQUEST|ACK
     * 01 01 00 00                                       IPVS_CMD_NEW_SERVICE, version 1
     * 54 00 01 80                                       IPVS_CMD_ATTR_SERVICE | NLA_F_NESTED, len 84
     *   06 00 01 00  02 00 00 00                        SVC_AF = AF_INET (u16 + pad)
     *   06 00 02 00  06 00 00 00                        SVC_PROTOCOL = IPPROTO_TCP
     *   14 00 03 00  0a 60 00 0a  00 x 12               SVC_ADDR = 10.96.0.10 in a 16-byte nf_inet_addr
     *   06 00 04 00  00 50 00 00                        SVC_PORT = 80, network order
     *   07 00 06 00  72 72 00 00                        SVC_SCHED_NAME = "rr\0"
     *   0c 00 07 00  00 00 00 00  ff ff ff ff           SVC_FLAGS = {flags 0, mask ~0}
     *   08 00 08 00  00 00 00 00                        SVC_TIMEOUT = 0
     *   08 00 09 00  ff ff ff ff                        SVC_NETMASK = 255.255.255.255 (IPv4: a mask)
     * </pre>
     */
    @Test
    void newServiceMatchesIpvsadm() {
        assertSame("svc-add-tcp", 1, requests.newService(VirtualService.of(tcp, "rr")));
    }

    @Test
    void newFwmarkService() {
        assertSame("svc-add-fwmark", 1, requests.newService(VirtualService.of(fwmark, "rr")));
    }

    /** {@code -u 10.96.0.12:53 -p 300 -M 255.255.255.0}: PERSISTENT flag, timeout 300, netmask /24. */
    @Test
    void newPersistentUdpServiceWithNetmask() {
        ServiceKey udp = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.12"), IpProtocol.UDP, 53);
        VirtualService svc = new VirtualService(udp, "rr", Set.of(ServiceFlag.PERSISTENT), 300, 24);
        assertSame("svc-add-persistent-udp", 1, requests.newService(svc));
    }

    /** IPv6: the address fills the 16 bytes; SVC_NETMASK is a prefix length (0x80). */
    @Test
    void newIpv6Service() {
        ServiceKey v6 = new ServiceKey.ByAddress(IpPrefix.address("fd00::10"), IpProtocol.TCP, 80);
        assertSame("svc-add-v6", 1, requests.newService(VirtualService.of(v6, "rr")));
    }

    @Test
    void setServiceChangesScheduler() {
        assertSame("svc-edit-sched", 2, requests.setService(VirtualService.of(tcp, "wrr")));
    }

    /**
     * {@code -a -r 10.0.0.2:8080 -m -w 1}: the DEST nest is identical, attribute by attribute:
     * ADDR_FAMILY, ADDR (16 bytes), PORT (be16 0x1f90), FWD_METHOD 0 = masq, WEIGHT 1, TUN_TYPE,
     * TUN_PORT, TUN_FLAGS (0: ipip), U_THRESH 0, L_THRESH 0.
     */
    @Test
    void newMasqDestination() {
        assertKeyed("dst-add-masq", 5, requests.newDestination(tcp, masq));
    }

    @Test
    void newTunnelDestinationOfFwmarkService() {
        Destination tunnel = Destination.of(IpPrefix.address("10.0.0.3"), 0, ForwardingMethod.TUNNEL, 2);
        assertKeyed("dst-add-tunnel", 5, requests.newDestination(fwmark, tunnel));
    }

    @Test
    void setDestinationChangesWeight() {
        assertKeyed("dst-edit-weight", 6, requests.setDestination(tcp, masq.withWeight(5)));
    }

    @Test
    void delDestinationAndService() {
        assertKeyed("dst-del", 7, requests.delDestination(tcp, masq));
        assertKeyed("svc-del", 3, requests.delService(tcp));
        assertKeyed("svc-del-fwmark", 3, requests.delService(fwmark));
    }

    /**
     * {@code ipvsadm -Ln}: one service dump, then one destination dump per service naming it by key.
     * ipvsadm asks for an ACK on dumps too; our socket does not (the kernel never acks a dump).
     */
    @Test
    void dumpRequests() {
        Capture c = Capture.load("ipvs/list-stats");
        Capture.assertSameMessage(c.sentGenl(FAMILY, 4), requests.getServices().bytes(), Netlink.NLM_F_ACK);
        ServiceKey udp = new ServiceKey.ByAddress(IpPrefix.address("10.96.0.12"), IpProtocol.UDP, 53);
        ServiceKey v6 = new ServiceKey.ByAddress(IpPrefix.address("fd00::10"), IpProtocol.TCP, 80);
        for (ServiceKey key : new ServiceKey[] {tcp, udp, v6, fwmark}) {
            assertTrue(c.containsSent(requests.getDestinations(key).bytes(), Netlink.NLM_F_ACK), key.toString());
        }
    }

    @Test
    void flushAndConfig() {
        assertSame("flush", 17, requests.flush());
        assertSame("set-timeouts", 12, requests.setConfig(new IpvsTimeouts(900, 120, 300)));
        assertSame("get-timeouts", 13, requests.getConfig());
    }

    private static void assertSame(String vector, int cmd, Request ours) {
        byte[] theirs = Capture.load("ipvs/" + vector).sentGenl(FAMILY, cmd);
        Capture.assertSameMessage(theirs, ours.bytes(), Netlink.NLM_F_ACK);
    }

    /**
     * Same header and command; our SERVICE nest (the key) is a prefix of ipvsadm's full entry, and so is
     * our DEST nest (complete for NEW/SET, the identity for DEL).
     */
    private static void assertKeyed(String vector, int cmd, Request ours) {
        byte[] theirs = Capture.load("ipvs/" + vector).sentGenl(FAMILY, cmd);
        Attributes t = attributes(theirs);
        Attributes o = attributes(ours.bytes());
        assertPrefix(t.bytes(IpvsAttributes.CMD_ATTR_SERVICE), o.bytes(IpvsAttributes.CMD_ATTR_SERVICE));
        assertEquals(t.has(IpvsAttributes.CMD_ATTR_DEST), o.has(IpvsAttributes.CMD_ATTR_DEST));
        if (t.has(IpvsAttributes.CMD_ATTR_DEST)) {
            assertPrefix(t.bytes(IpvsAttributes.CMD_ATTR_DEST), o.bytes(IpvsAttributes.CMD_ATTR_DEST));
        }
        assertArrayEquals(Arrays.copyOfRange(theirs, 4, 8), Arrays.copyOfRange(stamped(ours.bytes()), 4, 8));
        assertArrayEquals(Arrays.copyOfRange(theirs, 16, 20), Arrays.copyOfRange(ours.bytes(), 16, 20));
    }

    private static void assertPrefix(byte[] theirs, byte[] ours) {
        assertEquals(Capture.hex(Arrays.copyOf(theirs, ours.length)), Capture.hex(ours));
    }

    private static byte[] stamped(byte[] ours) {
        byte[] b = ours.clone();
        b[6] |= Netlink.NLM_F_ACK;
        return b;
    }

    private static Attributes attributes(byte[] message) {
        Message m = Message.split(ByteBuffer.wrap(message)).get(0);
        return Attributes.parse(m.payloadFrom(4));
    }
}
