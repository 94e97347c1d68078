package io.kuberouter.kernel.netlink.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.MessageWriter;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching acknowledgements, errors and dump parts to the requests of one window, without a kernel. */
class ExchangeTest {

    private final List<Request> window = List.of(request("first"), request("second"), request("third"));
    private final Exchange x = new Exchange(window, 100);

    @Test
    void eachVerdictSettlesItsOwnRequestInAnyOrder() throws KernelException {
        x.accept(error(102, 0, ""));
        x.accept(error(100, 0, ""));
        assertFalse(x.complete());
        x.accept(error(101, -17, "exists"));
        assertTrue(x.complete());
        List<RequestFailure> failures = x.failures(1000);
        assertEquals(1, failures.size());
        assertEquals(1001, failures.get(0).index());
        assertEquals("OP second: File exists (EEXIST, errno 17): exists", failures.get(0).error().getMessage());
        x.throwIfFailed(0);
        KernelException e = assertThrows(KernelException.class, () -> x.throwIfFailed(1));
        assertTrue(e.is(Errno.EEXIST));
    }

    @Test
    void foreignAndDuplicateVerdictsAreIgnored() {
        x.accept(error(99, -2, ""));
        x.accept(error(103, -2, ""));
        x.accept(error(100, 0, ""));
        x.accept(error(100, -2, ""));
        assertEquals(List.of(), x.failures(0));
        assertFalse(x.complete());
    }

    @Test
    void dumpPartsUntilDoneAndInterruption() {
        Exchange dump = new Exchange(List.of(request("dump")), 7);
        dump.accept(message(0x10, Netlink.NLM_F_MULTI, 7));
        dump.accept(message(0x10, Netlink.NLM_F_MULTI | Netlink.NLM_F_DUMP_INTR, 7));
        dump.accept(message(0x10, Netlink.NLM_F_MULTI, 8));
        assertFalse(dump.complete());
        dump.accept(message(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, 7));
        assertTrue(dump.complete());
        assertEquals(2, dump.replies(0).size());
        assertTrue(dump.interrupted(0));
    }

    private static Request request(String object) {
        return new Request(new MessageWriter().begin(0x10, Netlink.NLM_F_REQUEST).finish(), "OP", object);
    }

    /** NLMSG_ERROR: s32 error, capped request header, extended-ack message TLV. */
    private static Message error(int seq, int error, String text) {
        MessageWriter w = new MessageWriter().begin(Netlink.NLMSG_ERROR, Netlink.NLM_F_CAPPED | Netlink.NLM_F_ACK_TLVS)
                .putU32(error).putU32(16).putU16(0x10).putU16(Netlink.NLM_F_REQUEST).putU32(seq).putU32(0);
        if (!text.isEmpty()) {
            w.string(Netlink.NLMSGERR_ATTR_MSG, text);
        }
        byte[] bytes = w.finish();
        ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).putInt(8, seq);
        return Message.split(ByteBuffer.wrap(bytes)).get(0);
    }

    private static Message message(int type, int flags, int seq) {
        byte[] bytes = new MessageWriter().begin(type, flags).putU32(0).finish();
        ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).putInt(8, seq);
        return Message.split(ByteBuffer.wrap(bytes)).get(0);
    }
}
