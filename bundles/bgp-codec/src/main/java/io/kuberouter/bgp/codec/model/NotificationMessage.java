package io.kuberouter.bgp.codec.model;

import java.util.Objects;

/**
 * NOTIFICATION (RFC 4271 §4.5). Code and subcode are kept as numbers so that any received pair
 * decodes; {@code io.kuberouter.bgp.codec.BgpError} names the registered ones.
 *
 * @param errorCode 8-bit error code
 * @param errorSubcode 8-bit error subcode, 0 where the code has none
 * @param data diagnostic data whose meaning depends on code and subcode
 */
public record NotificationMessage(int errorCode, int errorSubcode, Octets data) implements BgpMessage {

    public NotificationMessage {
        Unsigned.u8("errorCode", errorCode);
        Unsigned.u8("errorSubcode", errorSubcode);
        Objects.requireNonNull(data, "data");
    }
}
