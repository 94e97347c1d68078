package io.kuberouter.kernel.netlink.wire;

/**
 * Constants of the netlink message framing, mirrored from {@code include/uapi/linux/netlink.h}
 * (RFC 3549 §2.3.2). All multi-byte header fields are in host byte order.
 */
public final class Netlink {

    /** {@code NETLINK_ROUTE}: rtnetlink (links, addresses, routes, rules). */
    public static final int NETLINK_ROUTE = 0;
    /** {@code NETLINK_NETFILTER}: nfnetlink (conntrack, ipset). */
    public static final int NETLINK_NETFILTER = 12;
    /** {@code NETLINK_GENERIC}: generic netlink (IPVS, resolved through the controller). */
    public static final int NETLINK_GENERIC = 16;

    /** {@code NLMSG_ALIGNTO}: messages and attributes start on 4-byte boundaries. */
    public static final int ALIGNTO = 4;
    /** {@code NLMSG_HDRLEN}: u32 len, u16 type, u16 flags, u32 seq, u32 pid. */
    public static final int HEADER_LENGTH = 16;
    /** {@code NLA_HDRLEN}: u16 len, u16 type. */
    public static final int ATTR_HEADER_LENGTH = 4;

    /** {@code NLMSG_NOOP}. */
    public static final int NLMSG_NOOP = 1;
    /** {@code NLMSG_ERROR}: an error, or an acknowledgement when the error is 0. */
    public static final int NLMSG_ERROR = 2;
    /** {@code NLMSG_DONE}: end of a multipart (dump) reply. */
    public static final int NLMSG_DONE = 3;
    /** {@code NLMSG_OVERRUN}. */
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    /** Dump was inconsistent because the object set changed while it ran: repeat it. */
    public static final int NLM_F_DUMP_INTR = 0x10;

    /** GET modifier {@code NLM_F_DUMP} = {@code NLM_F_ROOT | NLM_F_MATCH}: return all matching objects. */
    public static final int NLM_F_DUMP = 0x300;

    /** Modifiers of NEW requests. */
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;

    /** Flags of an NLMSG_ERROR reply: request payload omitted; extended-ack TLVs follow. */
    public static final int NLM_F_CAPPED = 0x100;
    public static final int NLM_F_ACK_TLVS = 0x200;

    /** {@code NLA_F_NESTED} / {@code NLA_F_NET_BYTEORDER} bits of an attribute type. */
    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

    /** Extended-ack TLV of {@code enum nlmsgerr_attrs}: the kernel's error text. */
    public static final int NLMSGERR_ATTR_MSG = 1;

    private Netlink() {
    }

    /** {@code NLMSG_ALIGN}/{@code NLA_ALIGN}: rounds up to the next multiple of 4. */
    public static int align(int length) {
        return (length + ALIGNTO - 1) & -ALIGNTO;
    }
}
