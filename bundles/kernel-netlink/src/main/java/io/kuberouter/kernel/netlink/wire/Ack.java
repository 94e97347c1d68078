package io.kuberouter.kernel.netlink.wire;

import java.nio.ByteBuffer;

/**
 * The kernel's verdict on one request: an {@code NLMSG_ERROR} message ({@code struct nlmsgerr}, an
 * acknowledgement when its error is 0) or the {@code NLMSG_DONE} ending a dump, which carries an error
 * too. Layout of {@code NLMSG_ERROR}, linux/netlink.h:
 *
 * <pre>
 * s32 error (-errno or 0) | nlmsghdr of the request (16 bytes) | request payload unless NLM_F_CAPPED
 * | extended-ack TLVs if NLM_F_ACK_TLVS (NLMSGERR_ATTR_MSG = text, NLMSGERR_ATTR_OFFS = bad attribute)
 * </pre>
 *
 * @param errno positive errno, 0 for success
 * @param requestSeq sequence number of the request this answers
 * @param detail the kernel's extended-ack text, empty if none
 */
public record Ack(int errno, int requestSeq, String detail) {

    /** Decodes an {@code NLMSG_ERROR} message. */
    public static Ack ofError(Message message) {
        ByteBuffer p = message.payload();
        if (p.limit() < 4 + Netlink.HEADER_LENGTH) {
            throw new MalformedMessageException("NLMSG_ERROR of " + p.limit() + " bytes");
        }
        int error = p.getInt(0);
        int requestLength = p.getInt(4);
        int requestSeq = p.getInt(4 + 8);
        int tlvStart = 4 + (message.has(Netlink.NLM_F_CAPPED) ? Netlink.HEADER_LENGTH : Netlink.align(requestLength));
        return new Ack(-error, requestSeq, detail(message, tlvStart));
    }

    /** Decodes an {@code NLMSG_DONE} message: s32 error, then extended-ack TLVs if flagged. */
    public static Ack ofDone(Message message) {
        ByteBuffer p = message.payload();
        int error = p.limit() >= 4 ? p.getInt(0) : 0;
        return new Ack(-error, message.seq(), detail(message, 4));
    }

    public boolean ok() {
        return errno == 0;
    }

    private static String detail(Message message, int tlvStart) {
        if (!message.has(Netlink.NLM_F_ACK_TLVS) || tlvStart >= message.payload().limit()) {
            return "";
        }
        return Attributes.parse(message.payloadFrom(tlvStart)).string(Netlink.NLMSGERR_ATTR_MSG, "");
    }
}
