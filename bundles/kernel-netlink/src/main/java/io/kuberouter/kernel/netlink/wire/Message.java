package io.kuberouter.kernel.netlink.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One received netlink message: the {@code nlmsghdr} fields and its payload (family header plus
 * attributes) as a read-only host-order buffer positioned at 0.
 */
public record Message(int type, int flags, int seq, int pid, ByteBuffer payload) {

    /** True iff all bits of {@code flag} are set. */
    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** The payload from {@code offset} on (the attributes after a family header of that size). */
    public ByteBuffer payloadFrom(int offset) {
        if (offset > payload.limit()) {
            throw new MalformedMessageException("message type " + type + " shorter than its " + offset
                    + "-byte family header");
        }
        return payload.duplicate().position(offset).slice().order(ByteOrder.nativeOrder());
    }

    /**
     * Splits one received datagram into its messages (several per datagram in dumps and batched
     * acknowledgements), checking every {@code nlmsg_len}.
     */
    public static List<Message> split(ByteBuffer datagram) {
        ByteBuffer in = datagram.duplicate().order(ByteOrder.nativeOrder());
        List<Message> out = new ArrayList<>();
        while (in.remaining() >= Netlink.HEADER_LENGTH) {
            int start = in.position();
            int length = in.getInt(start);
            if (length < Netlink.HEADER_LENGTH || length > in.remaining()) {
                throw new MalformedMessageException("bad nlmsg_len " + length + " with " + in.remaining()
                        + " bytes left");
            }
            ByteBuffer payload = in.duplicate().position(start + Netlink.HEADER_LENGTH).limit(start + length)
                    .slice().asReadOnlyBuffer().order(ByteOrder.nativeOrder());
            out.add(new Message(in.getShort(start + 4) & 0xffff, in.getShort(start + 6) & 0xffff,
                    in.getInt(start + 8), in.getInt(start + 12), payload));
            in.position(Math.min(in.limit(), start + Netlink.align(length)));
        }
        return out;
    }
}
