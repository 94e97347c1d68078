package io.kuberouter.kernel.netlink.wire.conntrack;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.Families;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.MessageWriter;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.net.InetAddress;
import java.util.Optional;

/**
 * ctnetlink requests and replies (include/uapi/linux/netfilter/nfnetlink_conntrack.h): the nlmsghdr
 * type is {@code NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_*}, then {@code struct nfgenmsg}
 * (u8 family, u8 version 0, be16 resource id 0) and CTA_* attributes. Entries are found with a dump of
 * one address family and deleted one by one by their original tuple, as conntrack-tools does.
 * Not thread-safe.
 */
public final class ConntrackMessages {

    private static final int NFNL_SUBSYS_CTNETLINK = 1;
    private static final int IPCTNL_MSG_CT_NEW = 0;
    private static final int IPCTNL_MSG_CT_GET = 1;
    private static final int IPCTNL_MSG_CT_DELETE = 2;
    private static final int NFGENMSG_LENGTH = 4;

    private static final int CTA_TUPLE_ORIG = 1;
    private static final int CTA_TUPLE_REPLY = 2;
    private static final int CTA_ZONE = 18;
    private static final int CTA_TUPLE_IP = 1;
    private static final int CTA_TUPLE_PROTO = 2;
    private static final int CTA_IP_V4_SRC = 1;
    private static final int CTA_IP_V6_SRC = 3;
    private static final int CTA_PROTO_NUM = 1;
    private static final int CTA_PROTO_SRC_PORT = 2;
    private static final int CTA_PROTO_DST_PORT = 3;

    private final MessageWriter w = new MessageWriter();

    /** Dump of every entry of one address family. */
    public Request dump(AddressFamily family) {
        begin(IPCTNL_MSG_CT_GET, Netlink.NLM_F_DUMP, family);
        return new Request(w.finish(), "IPCTNL_MSG_CT_GET", family.toString());
    }

    /** Deletes the entry with this original tuple (and zone); ENOENT if it is already gone. */
    public Request delete(ConntrackEntry entry) {
        begin(IPCTNL_MSG_CT_DELETE, 0, entry.family());
        tuple(CTA_TUPLE_ORIG, entry.original());
        if (entry.zone() != 0) {
            w.be16(CTA_ZONE, entry.zone());
        }
        return new Request(w.finish(), "IPCTNL_MSG_CT_DELETE", entry.toString());
    }

    /** The entry of one {@code IPCTNL_MSG_CT_NEW} dump reply; empty for other messages. */
    public static Optional<ConntrackEntry> entry(Message message) {
        if (message.type() != (NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_NEW)) {
            return Optional.empty();
        }
        AddressFamily family = Families.of(message.payload().get(0) & 0xff);
        Attributes a = Attributes.parse(message.payloadFrom(NFGENMSG_LENGTH));
        int zone = a.has(CTA_ZONE) ? a.be16(CTA_ZONE) : 0;
        return Optional.of(new ConntrackEntry(family, tuple(a.nested(CTA_TUPLE_ORIG), family),
                tuple(a.nested(CTA_TUPLE_REPLY), family), zone));
    }

    private void begin(int msg, int flags, AddressFamily family) {
        w.begin(NFNL_SUBSYS_CTNETLINK << 8 | msg, Netlink.NLM_F_REQUEST | flags).putU8(family.number()).putU8(0)
                .putU16(0);
    }

    private void tuple(int type, ConntrackEntry.Tuple t) {
        int outer = w.nest(type | Netlink.NLA_F_NESTED);
        int ip = w.nest(CTA_TUPLE_IP | Netlink.NLA_F_NESTED);
        int srcType = AddressFamily.of(t.source()) == AddressFamily.INET ? CTA_IP_V4_SRC : CTA_IP_V6_SRC;
        w.address(srcType, t.source()).address(srcType + 1, t.destination());
        w.endNest(ip);
        int proto = w.nest(CTA_TUPLE_PROTO | Netlink.NLA_F_NESTED);
        w.u8(CTA_PROTO_NUM, t.protocol());
        if (t.hasPorts()) {
            w.be16(CTA_PROTO_SRC_PORT, t.sourcePort()).be16(CTA_PROTO_DST_PORT, t.destinationPort());
        }
        w.endNest(proto).endNest(outer);
    }

    private static ConntrackEntry.Tuple tuple(Attributes t, AddressFamily family) {
        Attributes ip = t.nested(CTA_TUPLE_IP);
        int srcType = family == AddressFamily.INET ? CTA_IP_V4_SRC : CTA_IP_V6_SRC;
        int length = family.bits() / 8;
        InetAddress src = ip.address(srcType, length);
        InetAddress dst = ip.address(srcType + 1, length);
        Attributes proto = t.nested(CTA_TUPLE_PROTO);
        boolean ports = proto.has(CTA_PROTO_SRC_PORT) && proto.has(CTA_PROTO_DST_PORT);
        return new ConntrackEntry.Tuple(proto.u8(CTA_PROTO_NUM), src, dst,
                ports ? proto.be16(CTA_PROTO_SRC_PORT) : 0, ports ? proto.be16(CTA_PROTO_DST_PORT) : 0, ports);
    }
}
