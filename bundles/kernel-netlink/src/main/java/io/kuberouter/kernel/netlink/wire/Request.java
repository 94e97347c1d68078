package io.kuberouter.kernel.netlink.wire;

import java.util.Objects;

/**
 * One encoded request and the names that identify it in errors. The socket numbers it (nlmsg_seq) and
 * adds {@code NLM_F_ACK} when it sends it.
 *
 * @param bytes the whole message, nlmsghdr included, as {@link MessageWriter#finish} returned it
 * @param operation the message type or command name, e.g. {@code RTM_NEWLINK}, {@code IPVS_CMD_NEW_SERVICE}
 * @param object what the request acts on, e.g. a link name or {@code TCP 10.96.0.10:80}; may be empty
 */
public record Request(byte[] bytes, String operation, String object) {

    public Request {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(object, "object");
        if (bytes.length < Netlink.HEADER_LENGTH) {
            throw new IllegalArgumentException("request of " + bytes.length + " bytes has no nlmsghdr");
        }
    }

    @Override
    public String toString() {
        return object.isEmpty() ? operation : operation + " " + object;
    }
}
