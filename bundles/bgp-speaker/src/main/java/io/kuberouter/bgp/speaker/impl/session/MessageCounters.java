package io.kuberouter.bgp.speaker.impl.session;

import io.kuberouter.bgp.codec.model.BgpMessage;
import io.kuberouter.bgp.codec.model.KeepaliveMessage;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.OpenMessage;
import io.kuberouter.bgp.codec.model.RouteRefreshMessage;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/** Messages sent and received by type, over a peer's life. Confined to the speaker's loop. */
public final class MessageCounters {

    private static final int TYPES = 6;

    private final long[] sent = new long[TYPES];
    private final long[] received = new long[TYPES];

    void sent(BgpMessage message) {
        sent[type(message)]++;
    }

    void received(BgpMessage message) {
        received[type(message)]++;
    }

    /** Counted as one received UPDATE: the codec's treat-as-withdraw outcome. */
    void receivedUpdate() {
        received[2]++;
    }

    /** Sent messages of BGP type {@code type} (1 OPEN, 2 UPDATE, 3 NOTIFICATION, 4 KEEPALIVE, 5 ROUTE-REFRESH). */
    public long sent(int type) {
        return sent[type];
    }

    /** Received messages of BGP type {@code type}. */
    public long received(int type) {
        return received[type];
    }

    private static int type(BgpMessage message) {
        if (message instanceof OpenMessage) {
            return 1;
        }
        if (message instanceof UpdateMessage) {
            return 2;
        }
        if (message instanceof NotificationMessage) {
            return 3;
        }
        if (message instanceof KeepaliveMessage) {
            return 4;
        }
        return message instanceof RouteRefreshMessage ? 5 : 0;
    }
}
