package io.kuberouter.kernel.netlink.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding of attribute runs and message framing, malformed input included. */
class AttributesTest {

    @Test
    void masksNestedAndByteOrderFlagsOffTheType() {
        Attributes a = Attributes.parse(hex("0c000180" + "08000100" + "2a000000" + "06000240" + "1f900000"));
        assertEquals(42, a.nested(1).u32(1));
        assertEquals(8080, a.be16(2));
        assertFalse(a.has(3));
        assertEquals(7, a.u32(3, 7));
    }

    @Test
    void rejectsLengthsThatLeaveTheBuffer() {
        assertThrows(MalformedMessageException.class, () -> Attributes.parse(hex("10000100" + "00000000")));
        assertThrows(MalformedMessageException.class, () -> Attributes.parse(hex("02000100")));
        assertThrows(MalformedMessageException.class, () -> Attributes.parse(hex("05000100" + "01000000")).u32(1));
        assertThrows(MalformedMessageException.class, () -> Attributes.parse(hex("")).u8(1));
    }

    @Test
    void splitsDatagramsAndChecksNlmsgLen() {
        ByteBuffer two = hex("14000000" + "03000200" + "01000000" + "00000000" + "00000000"
                + "10000000" + "01000000" + "02000000" + "00000000");
        assertEquals(2, Message.split(two).size());
        assertEquals(Netlink.NLMSG_DONE, Message.split(two).get(0).type());
        assertThrows(MalformedMessageException.class, () -> Message.split(hex("40000000" + "03000200" + "0100000000000000")));
        assertThrows(MalformedMessageException.class, () -> Message.split(hex("08000000" + "03000200" + "0100000000000000")));
    }

    /** ip link set kv0 mtu 10: EINVAL, request echoed (no NETLINK_CAP_ACK), then the extended-ack text. */
    @Test
    void errorWithExtendedAck() {
        List<Message> errors = Capture.load("rtnl/link-set-mtu-einval").received(Netlink.NLMSG_ERROR);
        Message error = errors.get(errors.size() - 1);
        assertEquals(Netlink.NLM_F_ACK_TLVS, error.flags());
        Ack ack = Ack.ofError(error);
        assertEquals(22, ack.errno());
        assertEquals("mtu less than device minimum", ack.detail());
    }

    /** ipvsadm's socket sets NETLINK_CAP_ACK: the acknowledgement carries only the request header. */
    @Test
    void cappedAcknowledgement() {
        Message ack = Capture.load("ipvs/flush").received(Netlink.NLMSG_ERROR).get(0);
        assertEquals(Netlink.NLM_F_CAPPED, ack.flags());
        assertEquals(new Ack(0, ack.seq(), ""), Ack.ofError(ack));
    }

    private static ByteBuffer hex(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
