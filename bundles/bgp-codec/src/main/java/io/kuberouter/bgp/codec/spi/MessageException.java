package io.kuberouter.bgp.codec.spi;

import java.util.Objects;

import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.Octets;

/**
 * A message error that resets the session (RFC 4271 §6): carries the NOTIFICATION error and data
 * to send.
 */
public final class MessageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final BgpError error;
    private final Octets data;

    public MessageException(BgpError error, Octets data, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.data = Objects.requireNonNull(data, "data");
    }

    public MessageException(BgpError error, String message) {
        this(error, Octets.EMPTY, message);
    }

    /**
     * Bad Message Length (RFC 4271 §6.1), data being the erroneous Length field.
     *
     * @param messageLength the message length including the 19-octet header
     */
    public static MessageException badLength(int messageLength, String message) {
        byte[] field = {(byte) (messageLength >>> 8), (byte) messageLength};
        return new MessageException(BgpError.BAD_MESSAGE_LENGTH, Octets.of(field), message);
    }

    /** The NOTIFICATION error. */
    public BgpError error() {
        return error;
    }

    /** The NOTIFICATION data. */
    public Octets data() {
        return data;
    }
}
