package io.kuberouter.kernel.netlink.wire.rtnl;

import static io.kuberouter.kernel.netlink.wire.Capture.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.api.link.Link;
import io.kuberouter.kernel.api.link.LinkSpec;
import io.kuberouter.kernel.api.link.TunnelMode;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Capture;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Link requests against iproute2 6.1 (vectors/rtnl, host kernel 6.18; vectors/tunnel, UML 6.1). In the
 * rtnl namespace the links got indexes kv1 = 2, kv0 = 3, kv2 = 4, kbr0 = 5.
 */
class LinkMessagesTest {

    private final LinkMessages links = new LinkMessages();
    private final Link kv0 = new Link(3, "kv0", "veth", 1500, false, 0);
    private final Link kbr0 = new Link(5, "kbr0", "bridge", 1500, false, 0);

    /**
     * {@code ip link add kv0 type veth peer name kv1}:
     * <pre>
     * 54 00 00 00  10 00  05 06        len 84, RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE
     * 00 00 00 00 x 4                  ifinfomsg: family 0, type 0, index 0, flags 0, change 0
     * 08 00 03 00  6b 76 30 00         IFLA_IFNAME "kv0"
     * 2c 00 12 00                      IFLA_LINKINFO (iproute2 sets no NLA_F_NESTED on rtnetlink)
     *   08 00 01 00  76 65 74 68       IFLA_INFO_KIND "veth" (4 chars, no NUL: iproute2 uses addattr_l)
     *   20 00 02 00                    IFLA_INFO_DATA
     *     1c 00 01 00                  VETH_INFO_PEER: a whole ifinfomsg, then the peer's IFLA_*
     *       00 x 16  08 00 03 00 6b 76 31 00     IFLA_IFNAME "kv1"
     * </pre>
     */
    @Test
    void newVeth() {
        assertSent("rtnl/link-add-veth", 16, links.newLink(veth("kv0", "kv1"), -1));
    }

    /** The peer is created in another namespace, passed as an open fd (4 in ip's process). */
    @Test
    void newVethWithPeerInNetns() {
        assertSent("rtnl/link-add-veth-netns", 16, links.newLink(veth("kv2", "kv3"), 4));
    }

    @Test
    void newBridgeAndDummy() {
        assertSent("rtnl/link-add-bridge", 16, links.newLink(new LinkSpec.Bridge("kbr0", 0), -1));
        assertSent("tunnel/link-add-dummy", 16, links.newLink(new LinkSpec.Dummy("kube-dummy-if", 0), -1));
    }

    /**
     * iproute2 spells out every tunnel parameter (PMTUDISC 1, TOS 0, LINK 0, encapsulation zeros);
     * we send the endpoints, TTL and, for ip6tnl, PROTO and ENCAP_LIMIT and leave the rest to the
     * kernel's defaults. Every attribute we send equals iproute2's.
     */
    @Test
    void newTunnels() {
        assertTunnel("link-add-ipip", tunnel("tun-n2", TunnelMode.IPIP, "10.0.0.1", "10.0.0.2", 64));
        assertTunnel("link-add-ipip-any", tunnel("kube-tunnel-if", TunnelMode.IPIP, "10.0.0.1", null, 0));
        assertTunnel("link-add-ip6ip6", tunnel("tun6", TunnelMode.IP6IP6, "fd00::1", "fd00::2", 64));
        assertTunnel("link-add-ipip6", tunnel("tun46", TunnelMode.IPIP6, "fd00::1", "fd00::3", 64));
    }

    @Test
    void changesByIndex() {
        assertSent("rtnl/link-set-up", 16, links.setUp(kbr0, true));
        assertSent("rtnl/link-set-down", 16, links.setUp(new Link(2, "kv1", "veth", 1500, true, 0), false));
        assertSent("rtnl/link-set-mtu", 16, links.setMtu(kv0, 1400));
        assertSent("rtnl/link-set-master", 16, links.setMaster(kv0, 5));
        assertSent("rtnl/link-set-nomaster", 16, links.setMaster(kv0, 0));
        assertSent("rtnl/link-set-netns", 16, links.setNetns(new Link(4, "kv2", "veth", 1500, false, 0), 4));
        assertSent("rtnl/link-del", 17, links.delLink(kv0));
    }

    /** What ip sends to turn a name into an index before changing a link. */
    @Test
    void getByName() {
        byte[] theirs = Capture.load("rtnl/link-set-up").sent(Rtnl.RTM_GETLINK);
        assertSameMessage(theirs, links.getLink("kbr0").bytes(), 0);
    }

    @Test
    void dumpRequestAndReplies() {
        Capture c = Capture.load("rtnl/link-dump");
        assertSameMessage(c.sent().get(c.sent().size() - 1), links.dumpLinks().bytes(), 0);
        List<Link> listed = c.received(16).stream().map(LinkMessages::link).toList();
        assertEquals(List.of(new Link(1, "lo", "", 65536, false, 0), new Link(2, "kv1", "veth", 1500, false, 0),
                new Link(3, "kv0", "veth", 1400, false, 5), new Link(5, "kbr0", "bridge", 1400, true, 0)), listed);
    }

    @Test
    void tunnelKindsInDump() {
        List<String> kinds = Capture.load("tunnel/link-dump").received(16).stream()
                .map(m -> LinkMessages.link(m).name() + ":" + LinkMessages.link(m).kind()).toList();
        assertEquals(List.of("lo:", "tunl0:ipip", "ip6tnl0:ip6tnl", "d0:dummy", "kube-dummy-if:dummy",
                "tun-n2:ipip", "kube-tunnel-if:ipip", "tun6:ip6tnl", "tun46:ip6tnl"), kinds);
    }

    private static LinkSpec veth(String name, String peer) {
        return new LinkSpec.Veth(name, 0, peer, Optional.empty());
    }

    private static LinkSpec tunnel(String name, TunnelMode mode, String local, String remote, int ttl) {
        return new LinkSpec.IpTunnel(name, 0, mode, IpPrefix.address(local),
                Optional.ofNullable(remote).map(IpPrefix::address), ttl);
    }

    private void assertTunnel(String vector, LinkSpec spec) {
        Attributes theirs = attributes(Capture.load("tunnel/" + vector).sent(16));
        Attributes ours = attributes(links.newLink(spec, -1).bytes());
        assertEquals(theirs.string(Rtnl.IFLA_IFNAME), ours.string(Rtnl.IFLA_IFNAME));
        Attributes theirInfo = theirs.nested(Rtnl.IFLA_LINKINFO);
        Attributes ourInfo = ours.nested(Rtnl.IFLA_LINKINFO);
        assertEquals(theirInfo.string(Rtnl.IFLA_INFO_KIND), ourInfo.string(Rtnl.IFLA_INFO_KIND));
        Attributes theirData = theirInfo.nested(Rtnl.IFLA_INFO_DATA);
        Attributes ourData = ourInfo.nested(Rtnl.IFLA_INFO_DATA);
        int[] sent = {Rtnl.IFLA_IPTUN_PROTO, Rtnl.IFLA_IPTUN_LOCAL, Rtnl.IFLA_IPTUN_REMOTE, Rtnl.IFLA_IPTUN_TTL,
            Rtnl.IFLA_IPTUN_ENCAP_LIMIT};
        for (int type : sent) {
            if (ourData.has(type)) {
                assertArrayEquals(theirData.bytes(type), ourData.bytes(type), vector + " attribute " + type);
            }
        }
        assertTrue(ourData.has(Rtnl.IFLA_IPTUN_LOCAL));
    }

    private static Attributes attributes(byte[] message) {
        return Attributes.parse(Message.split(ByteBuffer.wrap(message)).get(0).payloadFrom(Rtnl.IFINFOMSG_LENGTH));
    }

    private static void assertSent(String vector, int type, Request ours) {
        assertSameMessage(Capture.load(vector).sent(type), ours.bytes(), Netlink.NLM_F_ACK);
    }
}
