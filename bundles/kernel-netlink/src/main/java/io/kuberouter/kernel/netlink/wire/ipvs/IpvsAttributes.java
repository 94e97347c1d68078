package io.kuberouter.kernel.netlink.wire.ipvs;

/** Commands and attributes of the {@code IPVS} generic netlink family, from include/uapi/linux/ip_vs.h. */
final class IpvsAttributes {

    /** {@code IPVS_GENL_NAME}. */
    static final String FAMILY_NAME = "IPVS";
    /** {@code IPVS_GENL_VERSION}. */
    static final int VERSION = 1;

    static final int CMD_NEW_SERVICE = 1;
    static final int CMD_SET_SERVICE = 2;
    static final int CMD_DEL_SERVICE = 3;
    static final int CMD_GET_SERVICE = 4;
    static final int CMD_NEW_DEST = 5;
    static final int CMD_SET_DEST = 6;
    static final int CMD_DEL_DEST = 7;
    static final int CMD_GET_DEST = 8;
    static final int CMD_SET_CONFIG = 12;
    static final int CMD_GET_CONFIG = 13;
    static final int CMD_FLUSH = 17;

    /** {@code IPVS_CMD_ATTR_*}: top level. */
    static final int CMD_ATTR_SERVICE = 1;
    static final int CMD_ATTR_DEST = 2;
    static final int CMD_ATTR_TIMEOUT_TCP = 4;
    static final int CMD_ATTR_TIMEOUT_TCP_FIN = 5;
    static final int CMD_ATTR_TIMEOUT_UDP = 6;

    /** {@code IPVS_SVC_ATTR_*}: inside {@code IPVS_CMD_ATTR_SERVICE}. */
    static final int SVC_AF = 1;
    static final int SVC_PROTOCOL = 2;
    /** {@code union nf_inet_addr}: 16 bytes, an IPv4 address in the first 4. */
    static final int SVC_ADDR = 3;
    static final int SVC_PORT = 4;
    static final int SVC_FWMARK = 5;
    static final int SVC_SCHED_NAME = 6;
    /** {@code struct ip_vs_flags}: u32 flags, u32 mask of the flags to change. */
    static final int SVC_FLAGS = 7;
    static final int SVC_TIMEOUT = 8;
    /** IPv4: the mask in network byte order; IPv6: the prefix length (u32). */
    static final int SVC_NETMASK = 9;
    static final int SVC_STATS = 10;
    static final int SVC_STATS64 = 12;

    /** {@code IPVS_DEST_ATTR_*}: inside {@code IPVS_CMD_ATTR_DEST}. */
    static final int DEST_ADDR = 1;
    static final int DEST_PORT = 2;
    static final int DEST_FWD_METHOD = 3;
    static final int DEST_WEIGHT = 4;
    static final int DEST_U_THRESH = 5;
    static final int DEST_L_THRESH = 6;
    static final int DEST_ACTIVE_CONNS = 7;
    static final int DEST_INACT_CONNS = 8;
    static final int DEST_PERSIST_CONNS = 9;
    static final int DEST_STATS = 10;
    static final int DEST_ADDR_FAMILY = 11;
    static final int DEST_STATS64 = 12;
    static final int DEST_TUN_TYPE = 13;
    static final int DEST_TUN_PORT = 14;
    static final int DEST_TUN_FLAGS = 15;

    /** {@code IPVS_STATS_ATTR_*}: inside the STATS (u32 counters, u64 bytes) and STATS64 (all u64) nests. */
    static final int STATS_CONNS = 1;
    static final int STATS_INPKTS = 2;
    static final int STATS_OUTPKTS = 3;
    static final int STATS_INBYTES = 4;
    static final int STATS_OUTBYTES = 5;
    static final int STATS_CPS = 6;
    static final int STATS_INPPS = 7;
    static final int STATS_OUTPPS = 8;
    static final int STATS_INBPS = 9;
    static final int STATS_OUTBPS = 10;

    /** {@code IP_VS_CONN_F_FWD_MASK}: forwarding method bits of {@code IPVS_DEST_ATTR_FWD_METHOD}. */
    static final int CONN_F_FWD_MASK = 0x7;
    /** {@code sizeof(union nf_inet_addr)}. */
    static final int INET_ADDR_LENGTH = 16;

    private IpvsAttributes() {
    }
}
