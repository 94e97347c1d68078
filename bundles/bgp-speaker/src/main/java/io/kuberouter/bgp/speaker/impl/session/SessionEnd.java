package io.kuberouter.bgp.speaker.impl.session;

import java.util.Optional;

import io.kuberouter.bgp.codec.BgpError;
import io.kuberouter.bgp.codec.model.NotificationMessage;

/**
 * How a connection ended.
 *
 * @param sent the NOTIFICATION this side sent, if any
 * @param received the NOTIFICATION the peer sent, if any
 */
public record SessionEnd(Optional<NotificationMessage> sent, Optional<NotificationMessage> received) {

    /** The connection dropped without a NOTIFICATION either way. */
    public static final SessionEnd CONNECTION_LOST = new SessionEnd(Optional.empty(), Optional.empty());

    /**
     * True when a graceful-restart peer's routes are to be kept (RFC 4724 §4.2): the TCP session
     * ended without a NOTIFICATION, or the peer went silent until the hold timer expired (the
     * NOTIFICATION sent then cannot reach a restarting peer; GoBGP and BIRD treat it alike).
     */
    public boolean keepsRoutes() {
        return received.isEmpty() && sent.map(n -> BgpError.of(n).orElse(null) == BgpError.HOLD_TIMER_EXPIRED)
                .orElse(true);
    }

    /** The NOTIFICATION exchanged, received first. */
    public Optional<NotificationMessage> notification() {
        return received.or(() -> sent);
    }
}
