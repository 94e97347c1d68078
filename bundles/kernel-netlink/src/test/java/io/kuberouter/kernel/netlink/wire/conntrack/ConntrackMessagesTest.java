package io.kuberouter.kernel.netlink.wire.conntrack;

import static io.kuberouter.kernel.netlink.wire.Capture.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.IpPrefix;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Capture;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ctnetlink against conntrack-tools 1.4.7 ({@code conntrack -D --orig-dst 10.96.0.10 -p udp --dport 53}
 * with three UDP entries, two of them to 10.96.0.10:53; vectors/conntrack).
 */
class ConntrackMessagesTest {

    private final ConntrackMessages conntrack = new ConntrackMessages();
    private final Capture capture = Capture.load("conntrack/delete-orig-dst");

    /** 0x0101 = CTNETLINK GET, REQUEST|DUMP, nfgenmsg {AF_INET, v0, res 0}. */
    @Test
    void dumpRequest() {
        assertSameMessage(capture.sent().get(0), conntrack.dump(AddressFamily.INET).bytes(), 0);
    }

    @Test
    void entriesOfDump() {
        List<ConntrackEntry> entries = entries(capture);
        assertEquals(3, entries.size());
        ConntrackEntry first = entries.get(0);
        assertEquals(new ConntrackEntry.Tuple(17, IpPrefix.address("10.0.0.3"), IpPrefix.address("10.96.0.10"), 40000, 53,
                true), first.original());
        assertEquals(new ConntrackEntry.Tuple(17, IpPrefix.address("10.96.0.10"), IpPrefix.address("10.0.0.3"), 53, 40000,
                true), first.reply());
        assertEquals(0, first.zone());
    }

    /**
     * conntrack-tools echoes the whole entry back in its IPCTNL_MSG_CT_DELETE; the kernel only reads
     * the tuple (and zone). Header, nfgenmsg and CTA_TUPLE_ORIG must be identical:
     * <pre>
     * 34 00 01 80                         CTA_TUPLE_ORIG | NLA_F_NESTED
     *   14 00 01 80                       CTA_TUPLE_IP
     *     08 00 01 00  0a 00 00 03        CTA_IP_V4_SRC 10.0.0.3
     *     08 00 02 00  0a 60 00 0a        CTA_IP_V4_DST 10.96.0.10
     *   1c 00 02 80                       CTA_TUPLE_PROTO
     *     05 00 01 00  11 00 00 00        CTA_PROTO_NUM 17 (udp)
     *     06 00 02 00  9c 40 00 00        CTA_PROTO_SRC_PORT 40000 (be16)
     *     06 00 03 00  00 35 00 00        CTA_PROTO_DST_PORT 53
     * </pre>
     */
    @Test
    void deleteByOriginalTuple() {
        byte[] theirs = capture.sent().get(1);
        byte[] ours = conntrack.delete(entries(capture).get(0)).bytes();
        assertEquals(Capture.hex(Arrays.copyOfRange(theirs, 16, 20 + 0x34)),
                Capture.hex(Arrays.copyOfRange(ours, 16, ours.length)));
        assertEquals(20 + 0x34, ours.length);
        Message message = Message.split(ByteBuffer.wrap(ours)).get(0);
        assertEquals(0x0102, message.type());
        assertEquals(Netlink.NLM_F_REQUEST, message.flags());
    }

    @Test
    void ipv6Entry() {
        List<ConntrackEntry> entries = entries(Capture.load("conntrack/dump-v6"));
        assertEquals(AddressFamily.INET6, entries.get(0).family());
        assertEquals(IpPrefix.address("fd00::10"), entries.get(0).original().destination());
        Attributes ours = Attributes.parse(
                Message.split(ByteBuffer.wrap(conntrack.delete(entries.get(0)).bytes())).get(0).payloadFrom(4));
        assertArrayEquals(IpPrefix.address("fd00::3").getAddress(), ours.nested(1).nested(1).bytes(3));
    }

    private static List<ConntrackEntry> entries(Capture c) {
        return c.received().stream().map(ConntrackMessages::entry).flatMap(Optional::stream).toList();
    }
}
