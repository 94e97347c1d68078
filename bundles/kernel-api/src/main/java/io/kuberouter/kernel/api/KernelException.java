package io.kuberouter.kernel.api;

import java.util.Objects;

/**
 * A kernel operation failed. Carries the operation (netlink message type such as {@code RTM_NEWLINK},
 * genl command such as {@code IPVS_CMD_NEW_SERVICE}, or tool name such as {@code iptables-nft-restore}),
 * the object it acted on, the errno the kernel returned (0 when the failure has no errno, e.g. a tool
 * exit status) and an optional detail (netlink extended ack text, tool stderr).
 *
 * <p>Message format: {@code "RTM_NEWLINK kube-dummy-if: File exists (EEXIST, errno 17)"}, with
 * {@code ": <detail>"} appended when a detail is present.
 */
public class KernelException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String object;
    private final int errno;
    private final String detail;

    /**
     * @param operation non-empty name of the failed operation
     * @param object what it acted on (link name, prefix, service key); empty if nothing specific
     * @param errno positive errno, or 0 if the failure carries none (a negative value is negated)
     * @param detail extra explanation; empty if none
     */
    public KernelException(String operation, String object, int errno, String detail) {
        this(operation, object, errno, detail, null);
    }

    /** As {@link #KernelException(String, String, int, String)}, with the underlying cause. */
    public KernelException(String operation, String object, int errno, String detail, Throwable cause) {
        super(format(operation, object, Math.abs(errno), detail), cause);
        this.operation = operation;
        this.object = object;
        this.errno = Math.abs(errno);
        this.detail = detail;
    }

    /** A failure of the given errno constant. */
    public static KernelException of(String operation, String object, Errno errno) {
        return new KernelException(operation, object, errno.number(), "");
    }

    public String operation() {
        return operation;
    }

    public String object() {
        return object;
    }

    /** Positive errno, 0 if the failure has none. */
    public int errno() {
        return errno;
    }

    public String detail() {
        return detail;
    }

    /** True iff the kernel reported exactly this errno. */
    public boolean is(Errno expected) {
        return errno == expected.number();
    }

    private static String format(String operation, String object, int errno, String detail) {
        if (Objects.requireNonNull(operation, "operation").isEmpty()) {
            throw new IllegalArgumentException("operation must not be empty");
        }
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(detail, "detail");
        StringBuilder sb = new StringBuilder(operation);
        if (!object.isEmpty()) {
            sb.append(' ').append(object);
        }
        sb.append(": ");
        if (errno != 0) {
            sb.append(Errno.of(errno).map(e -> e.description() + " (" + e.name() + ", errno " + errno + ")")
                    .orElse("errno " + errno));
            if (!detail.isEmpty()) {
                sb.append(": ");
            }
        }
        return sb.append(errno == 0 && detail.isEmpty() ? "failed" : detail).toString();
    }
}
