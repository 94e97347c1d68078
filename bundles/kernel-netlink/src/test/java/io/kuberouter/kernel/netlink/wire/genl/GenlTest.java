package io.kuberouter.kernel.netlink.wire.genl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kuberouter.kernel.netlink.wire.Capture;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.Netlink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller exchange every IPVS client starts with, as ipvsadm (libnl) does it. */
class GenlTest {

    private final Capture capture = Capture.load("ipvs/svc-add-tcp");

    /**
     * <pre>
     * 20 00 00 00  10 00  05 00   len 32, type GENL_ID_CTRL, flags REQUEST|ACK
     * .. seq ..    .. pid ..
     * 03 01 00 00                 genlmsghdr: cmd CTRL_CMD_GETFAMILY, version 1
     * 09 00 02 00  49 50 56 53 00 00 00 00   CTRL_ATTR_FAMILY_NAME "IPVS\0" + pad
     * </pre>
     */
    @Test
    void getFamilyMatchesLibnl() {
        byte[] theirs = capture.sent().get(0);
        Capture.assertSameMessage(theirs, Genl.getFamily("IPVS").bytes(), Netlink.NLM_F_ACK);
    }

    /** The reply (CTRL_CMD_NEWFAMILY) carries CTRL_ATTR_FAMILY_ID = 0x1c in this guest. */
    @Test
    void familyIdFromNewFamilyReply() {
        List<Message> replies = capture.received(Genl.GENL_ID_CTRL);
        assertEquals(1, replies.get(0).payload().get(0), "CTRL_CMD_NEWFAMILY");
        assertEquals(0x1c, Genl.familyId(replies.subList(0, 1)));
    }
}
