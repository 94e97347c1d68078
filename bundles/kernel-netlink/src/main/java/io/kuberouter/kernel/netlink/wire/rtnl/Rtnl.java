package io.kuberouter.kernel.netlink.wire.rtnl;

/**
 * rtnetlink message types and attributes (RFC 3549 §3.1; include/uapi/linux/rtnetlink.h, if_link.h,
 * if_addr.h, fib_rules.h, if_tunnel.h, veth.h).
 */
final class Rtnl {

    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;
    static final int RTM_NEWRULE = 32;
    static final int RTM_DELRULE = 33;
    static final int RTM_GETRULE = 34;

    /** {@code sizeof(struct ifinfomsg)}: u8 family, u8 pad, u16 type, s32 index, u32 flags, u32 change. */
    static final int IFINFOMSG_LENGTH = 16;
    /** {@code sizeof(struct ifaddrmsg)}: u8 family, u8 prefixlen, u8 flags, u8 scope, u32 index. */
    static final int IFADDRMSG_LENGTH = 8;
    /** {@code sizeof(struct rtmsg)}: family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags. */
    static final int RTMSG_LENGTH = 12;
    /** {@code sizeof(struct fib_rule_hdr)}: family, dst_len, src_len, tos, table, res1, res2, action; u32 flags. */
    static final int FIB_RULE_HDR_LENGTH = 12;
    /** {@code sizeof(struct rtnexthop)}: u16 len, u8 flags, u8 hops, s32 ifindex. */
    static final int RTNEXTHOP_LENGTH = 8;

    static final int AF_UNSPEC = 0;
    /** {@code ip link} dumps and gets with {@code AF_PACKET}. */
    static final int AF_PACKET = 17;
    static final int IFF_UP = 0x1;

    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_MASTER = 10;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_NET_NS_FD = 28;
    static final int IFLA_EXT_MASK = 29;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int VETH_INFO_PEER = 1;
    /** {@code RTEXT_FILTER_VF}, and {@code | RTEXT_FILTER_SKIP_STATS} for single-link gets. */
    static final int RTEXT_FILTER_VF = 1;
    static final int RTEXT_FILTER_VF_SKIP_STATS = 9;

    static final int IFLA_IPTUN_LOCAL = 2;
    static final int IFLA_IPTUN_REMOTE = 3;
    static final int IFLA_IPTUN_TTL = 4;
    static final int IFLA_IPTUN_ENCAP_LIMIT = 6;
    static final int IFLA_IPTUN_PROTO = 9;
    /** {@code IPV6_DEFAULT_TNL_ENCAP_LIMIT}, what iproute2 sends for ip6tnl links. */
    static final int IP6_TNL_DEFAULT_ENCAP_LIMIT = 4;
    static final int IPPROTO_IPIP = 4;
    static final int IPPROTO_IPV6 = 41;

    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;

    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_PREFSRC = 7;
    static final int RTA_MULTIPATH = 9;
    static final int RTA_TABLE = 15;
    /** Tables above this travel in RTA_TABLE/FRA_TABLE, the u8 header field then holds RT_TABLE_UNSPEC. */
    static final int MAX_HEADER_TABLE = 255;
    static final int RTM_F_CLONED = 0x200;
    static final int RTNH_F_ONLINK = 4;
    /** {@code RT_SCOPE_NOWHERE}: in a delete, matches any scope. */
    static final int RT_SCOPE_NOWHERE = 255;

    static final int FRA_DST = 1;
    static final int FRA_SRC = 2;
    static final int FRA_IIFNAME = 3;
    static final int FRA_GOTO = 4;
    static final int FRA_PRIORITY = 6;
    static final int FRA_FWMARK = 10;
    static final int FRA_TUN_ID = 12;
    static final int FRA_SUPPRESS_IFGROUP = 13;
    static final int FRA_SUPPRESS_PREFIXLEN = 14;
    static final int FRA_TABLE = 15;
    static final int FRA_FWMASK = 16;
    static final int FRA_OIFNAME = 17;
    static final int FRA_L3MDEV = 19;
    static final int FRA_UID_RANGE = 20;
    static final int FRA_IP_PROTO = 22;
    static final int FRA_SPORT_RANGE = 23;
    static final int FRA_DPORT_RANGE = 24;
    /** {@code FR_ACT_TO_TBL}: the rule action "lookup table". */
    static final int FR_ACT_TO_TBL = 1;

    private Rtnl() {
    }
}
