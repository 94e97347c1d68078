package io.kuberouter.kernel.netlink.wire;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink message at a time in host byte order (RFC 3549 §2.3.2):
 *
 * <pre>
 *  0               1               2               3
 * +---------------+---------------+---------------+---------------+
 * |                      nlmsg_len (u32)                          |
 * +-------------------------------+-------------------------------+
 * |        nlmsg_type (u16)       |       nlmsg_flags (u16)       |
 * +-------------------------------+-------------------------------+
 * |           nlmsg_seq (u32)  - left 0, the socket numbers it    |
 * |           nlmsg_pid (u32)  - 0 = to the kernel                |
 * +---------------------------------------------------------------+
 * | family header (put*), padded to 4 | attributes: u16 len, u16 type, value, pad to 4 |
 * </pre>
 *
 * <p>Family headers are written with the {@code put*} methods, attributes with the typed methods;
 * {@link #nest}/{@link #endNest} bracket nested attributes. A writer is reusable: {@link #finish}
 * returns the bytes and resets it. Not thread-safe.
 */
public final class MessageWriter {

    private ByteBuffer buf = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());
    private boolean open;

    /** Starts a message of {@code type} with {@code flags} ({@code NLM_F_REQUEST} is not implied). */
    public MessageWriter begin(int type, int flags) {
        if (open) {
            throw new IllegalStateException("previous message not finished");
        }
        open = true;
        buf.clear();
        return putU32(0).putU16(type).putU16(flags).putU32(0).putU32(0);
    }

    /** Patches {@code nlmsg_len} and returns the message bytes; the writer is then empty again. */
    public byte[] finish() {
        requireOpen();
        buf.putInt(0, buf.position());
        open = false;
        return Arrays.copyOf(buf.array(), buf.position());
    }

    public MessageWriter putU8(int value) {
        ensure(1).put((byte) value);
        return this;
    }

    public MessageWriter putU16(int value) {
        ensure(2).putShort((short) value);
        return this;
    }

    public MessageWriter putU32(int value) {
        ensure(4).putInt(value);
        return this;
    }

    public MessageWriter putBytes(byte[] value) {
        ensure(value.length).put(value);
        return this;
    }

    /** Writes {@code count} zero bytes (reserved or unused header fields). */
    public MessageWriter putZeros(int count) {
        ensure(count);
        for (int i = 0; i < count; i++) {
            buf.put((byte) 0);
        }
        return this;
    }

    public MessageWriter u8(int type, int value) {
        return attribute(type, 1).putU8(value).pad();
    }

    public MessageWriter u16(int type, int value) {
        return attribute(type, 2).putU16(value).pad();
    }

    public MessageWriter u32(int type, int value) {
        return attribute(type, 4).putU32(value).pad();
    }

    /** A 16-bit value in network byte order (ports). */
    public MessageWriter be16(int type, int value) {
        return u16(type, Short.reverseBytes((short) value) & 0xffff);
    }

    /** A 32-bit value in network byte order. */
    public MessageWriter be32(int type, int value) {
        return u32(type, Integer.reverseBytes(value));
    }

    /** A NUL-terminated string. */
    public MessageWriter string(int type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return attribute(type, bytes.length + 1).putBytes(bytes).putU8(0).pad();
    }

    /**
     * A string without NUL terminator: {@code NLA_STRING} accepts both forms, and iproute2 writes
     * {@code IFLA_INFO_KIND} this way.
     */
    public MessageWriter chars(int type, String value) {
        return bytes(type, value.getBytes(StandardCharsets.UTF_8));
    }

    public MessageWriter bytes(int type, byte[] value) {
        return attribute(type, value.length).putBytes(value).pad();
    }

    /** An address in network byte order: 4 bytes for IPv4, 16 for IPv6. */
    public MessageWriter address(int type, InetAddress address) {
        return bytes(type, address.getAddress());
    }

    /**
     * Opens a nested attribute; the caller decides whether {@code type} carries {@link Netlink#NLA_F_NESTED}
     * (iproute2 omits it on rtnetlink, libnl sets it on generic netlink).
     *
     * @return the mark to pass to {@link #endNest}
     */
    public int nest(int type) {
        int mark = buf.position();
        attribute(type, 0);
        return mark;
    }

    /**
     * The current write position, for structures that start with their own u16 length (such as
     * {@code struct rtnexthop}) and are closed with {@link #endNest}.
     */
    public int mark() {
        requireOpen();
        return buf.position();
    }

    /** Closes the nested attribute (or length-prefixed structure) begun at {@code mark}, fixing its length. */
    public MessageWriter endNest(int mark) {
        buf.putShort(mark, (short) (buf.position() - mark));
        return this;
    }

    private MessageWriter attribute(int type, int valueLength) {
        requireOpen();
        pad();
        int length = Netlink.ATTR_HEADER_LENGTH + valueLength;
        if (length > 0xffff) {
            throw new IllegalArgumentException("attribute " + type + " too long: " + valueLength);
        }
        return putU16(length).putU16(type);
    }

    private MessageWriter pad() {
        return putZeros(Netlink.align(buf.position()) - buf.position());
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("no message begun");
        }
    }

    private ByteBuffer ensure(int bytes) {
        if (buf.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + bytes))
                    .order(ByteOrder.nativeOrder());
            buf.flip();
            buf = bigger.put(buf);
        }
        return buf;
    }
}
