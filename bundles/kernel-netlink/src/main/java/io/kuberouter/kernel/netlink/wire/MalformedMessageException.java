package io.kuberouter.kernel.netlink.wire;

/** Bytes received from the kernel do not parse as the netlink structure they claim to be. */
public final class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
