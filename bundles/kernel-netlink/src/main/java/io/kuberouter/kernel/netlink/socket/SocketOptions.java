package io.kuberouter.kernel.netlink.socket;

/** Socket option numbers from asm-generic/socket.h and linux/netlink.h (same on x86-64 and arm64). */
final class SocketOptions {

    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    /** {@code SO_RCVTIMEO_OLD}: takes a {@code struct timeval}. */
    static final int SO_RCVTIMEO = 20;
    /** Like SO_SNDBUF/SO_RCVBUF but above {@code net.core.[rw]mem_max}; needs CAP_NET_ADMIN. */
    static final int SO_SNDBUFFORCE = 32;
    static final int SO_RCVBUFFORCE = 33;

    static final int SOL_NETLINK = 270;
    /** Acknowledgements carry only the request header, not its payload (NLM_F_CAPPED). */
    static final int NETLINK_CAP_ACK = 10;
    /** Errors carry extended-ack TLVs such as the kernel's text message (NLM_F_ACK_TLVS). */
    static final int NETLINK_EXT_ACK = 11;
    /** rtnetlink validates dump requests strictly and honours their filter attributes. */
    static final int NETLINK_GET_STRICT_CHK = 12;

    private SocketOptions() {
    }
}
