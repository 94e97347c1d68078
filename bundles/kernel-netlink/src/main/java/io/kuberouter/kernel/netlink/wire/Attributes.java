package io.kuberouter.kernel.netlink.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A decoded run of netlink attributes ({@code struct nlattr}, RFC 3549 §2.3.2.1): u16 length
 * (header included, padding excluded), u16 type, value, padding to 4 bytes. Values are indexed by type
 * with the {@code NLA_F_NESTED}/{@code NLA_F_NET_BYTEORDER} bits masked off; a repeated type keeps the
 * last value. Getters of absent attributes throw
 * {@link MalformedMessageException}; use {@link #has} or the defaulting overloads for optional ones.
 */
public final class Attributes {

    private final Map<Integer, List<ByteBuffer>> values;

    private Attributes(Map<Integer, List<ByteBuffer>> values) {
        this.values = values;
    }

    /** Decodes the attributes between the buffer's position and limit. */
    public static Attributes parse(ByteBuffer region) {
        ByteBuffer in = region.duplicate().order(ByteOrder.nativeOrder());
        Map<Integer, List<ByteBuffer>> values = new TreeMap<>();
        while (in.remaining() >= Netlink.ATTR_HEADER_LENGTH) {
            int start = in.position();
            int length = in.getShort(start) & 0xffff;
            int type = in.getShort(start + 2) & Netlink.NLA_TYPE_MASK;
            if (length < Netlink.ATTR_HEADER_LENGTH || length > in.remaining()) {
                throw new MalformedMessageException("bad nla_len " + length + " of attribute " + type);
            }
            ByteBuffer value = in.duplicate().position(start + Netlink.ATTR_HEADER_LENGTH).limit(start + length)
                    .slice().order(ByteOrder.nativeOrder());
            values.computeIfAbsent(type, t -> new ArrayList<>(1)).add(value);
            in.position(Math.min(in.limit(), start + Netlink.align(length)));
        }
        return new Attributes(values);
    }

    public boolean has(int type) {
        return values.containsKey(type);
    }

    public int u8(int type) {
        return value(type, 1).get(0) & 0xff;
    }

    public int u16(int type) {
        return value(type, 2).getShort(0) & 0xffff;
    }

    public int u32(int type) {
        return value(type, 4).getInt(0);
    }

    /** The u32 value, or {@code absent} if the attribute is missing. */
    public int u32(int type, int absent) {
        return has(type) ? u32(type) : absent;
    }

    public long u64(int type) {
        return value(type, 8).getLong(0);
    }

    /** A 16-bit value stored in network byte order (ports). */
    public int be16(int type) {
        return Short.reverseBytes(value(type, 2).getShort(0)) & 0xffff;
    }

    /** A string value without its NUL terminator. */
    public String string(int type) {
        byte[] raw = bytes(type);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    /** The string value, or {@code absent} if the attribute is missing. */
    public String string(int type, String absent) {
        return has(type) ? string(type) : absent;
    }

    public byte[] bytes(int type) {
        ByteBuffer v = value(type, 0);
        byte[] out = new byte[v.remaining()];
        v.get(0, out);
        return out;
    }

    /**
     * An address value of {@code length} bytes (4 or 16); IPVS stores IPv4 addresses in a
     * 16-byte {@code union nf_inet_addr}, whose first 4 bytes are then used.
     */
    public InetAddress address(int type, int length) {
        byte[] raw = bytes(type);
        if (raw.length < length) {
            throw new MalformedMessageException("address attribute " + type + " has " + raw.length + " bytes");
        }
        try {
            return InetAddress.getByAddress(raw.length == length ? raw : Arrays.copyOf(raw, length));
        } catch (UnknownHostException e) {
            throw new MalformedMessageException("address attribute " + type + ": " + e.getMessage());
        }
    }

    /** The attributes nested inside attribute {@code type}. */
    public Attributes nested(int type) {
        return parse(value(type, 0));
    }

    private ByteBuffer value(int type, int minLength) {
        List<ByteBuffer> all = values.get(type);
        if (all == null) {
            throw new MalformedMessageException("missing attribute " + type);
        }
        ByteBuffer v = all.get(all.size() - 1);
        if (v.remaining() < minLength) {
            throw new MalformedMessageException("attribute " + type + " has " + v.remaining() + " bytes, needs "
                    + minLength);
        }
        return v.duplicate().order(ByteOrder.nativeOrder());
    }
}
