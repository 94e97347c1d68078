package io.kuberouter.kernel.netlink.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Framing, padding and nesting rules of RFC 3549 §2.3.2 (NLMSG_ALIGN / NLA_ALIGN = 4). */
class MessageWriterTest {

    @Test
    void padsEveryAttributeButCountsOnlyItsValue() {
        byte[] m = new MessageWriter().begin(0x12, Netlink.NLM_F_REQUEST).putU8(7).u8(1, 0xab).string(2, "abcd")
                .u16(3, 0x0102).finish();
        assertEquals("30000000" + "12000100" + "00000000" + "00000000" // nlmsghdr, len 48
                + "07000000" // family header byte, padded before the first attribute
                + "05000100" + "ab000000" // len 5 = 4 + 1, 3 bytes pad
                + "09000200" + "6162636400000000" // "abcd\0": len 9, 3 bytes pad
                + "06000300" + "02010000", HexFormat.of().formatHex(m)); // u16 host order, 2 bytes pad
    }

    @Test
    void nestedLengthCoversChildrenAndTheirPadding() {
        MessageWriter w = new MessageWriter().begin(0x10, 0);
        int outer = w.nest(1 | Netlink.NLA_F_NESTED);
        w.u8(2, 1).be16(3, 80);
        byte[] m = w.endNest(outer).finish();
        assertEquals("14000180" + "05000200" + "01000000" + "06000300" + "00500000",
                HexFormat.of().formatHex(m, 16, m.length));
    }

    @Test
    void growsBeyondItsInitialBuffer() {
        MessageWriter w = new MessageWriter().begin(0x10, 0);
        for (int i = 0; i < 1000; i++) {
            w.u32(1, i);
        }
        byte[] m = w.finish();
        assertEquals(16 + 8000, m.length);
        assertEquals(16 + 8000, ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).getInt(0));
        Attributes a = Attributes.parse(Message.split(ByteBuffer.wrap(m)).get(0).payloadFrom(0));
        assertEquals(999, a.u32(1));
    }

    @Test
    void reusableAndGuarded() {
        MessageWriter w = new MessageWriter();
        assertThrows(IllegalStateException.class, () -> w.u8(1, 1));
        w.begin(1, 0);
        assertThrows(IllegalStateException.class, () -> w.begin(1, 0));
        assertEquals(16, w.finish().length);
        assertEquals(20, w.begin(1, 0).u32(1, 1).finish().length - 4);
    }
}
