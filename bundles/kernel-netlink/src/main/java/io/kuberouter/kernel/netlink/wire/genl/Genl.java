package io.kuberouter.kernel.netlink.wire.genl;

import io.kuberouter.kernel.netlink.wire.Attributes;
import io.kuberouter.kernel.netlink.wire.MalformedMessageException;
import io.kuberouter.kernel.netlink.wire.Message;
import io.kuberouter.kernel.netlink.wire.MessageWriter;
import io.kuberouter.kernel.netlink.wire.Netlink;
import io.kuberouter.kernel.netlink.wire.Request;
import java.util.List;

/**
 * Generic netlink framing (linux/genetlink.h): after the nlmsghdr, whose type is the family id, comes
 * {@code struct genlmsghdr} = u8 cmd, u8 version, u16 reserved. Family ids are assigned at module load
 * and resolved by name through the controller family {@code nlctrl} (id {@value #GENL_ID_CTRL}).
 */
public final class Genl {

    /** {@code GENL_HDRLEN}. */
    public static final int HEADER_LENGTH = 4;
    /** {@code GENL_ID_CTRL}: the controller's fixed family id. */
    public static final int GENL_ID_CTRL = 0x10;

    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    /** Version of the controller protocol libnl and the kernel use. */
    static final int CTRL_VERSION = 1;

    private Genl() {
    }

    /** Begins a generic netlink request: nlmsghdr with {@code NLM_F_REQUEST | flags}, then genlmsghdr. */
    public static MessageWriter begin(MessageWriter w, int familyId, int cmd, int version, int flags) {
        return w.begin(familyId, Netlink.NLM_F_REQUEST | flags).putU8(cmd).putU8(version).putU16(0);
    }

    /** {@code CTRL_CMD_GETFAMILY} for {@code name}, e.g. {@code IPVS}. */
    public static Request getFamily(String name) {
        byte[] bytes = begin(new MessageWriter(), GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_VERSION, 0)
                .string(CTRL_ATTR_FAMILY_NAME, name).finish();
        return new Request(bytes, "CTRL_CMD_GETFAMILY", name);
    }

    /** The family id in the controller's {@code CTRL_CMD_NEWFAMILY} reply to {@link #getFamily}. */
    public static int familyId(List<Message> replies) {
        if (replies.size() != 1) {
            throw new MalformedMessageException("CTRL_CMD_GETFAMILY answered with " + replies.size() + " messages");
        }
        return Attributes.parse(replies.get(0).payloadFrom(HEADER_LENGTH)).u16(CTRL_ATTR_FAMILY_ID);
    }
}
