package io.kuberouter.bgp.speaker.impl.peer;

import java.net.Inet4Address;
import java.time.Instant;
import java.util.Optional;

import io.kuberouter.bgp.codec.model.NotificationMessage;

/** What a peer's sessions left behind: when it came up, how often, its identifier, its last NOTIFICATION. */
public final class PeerHistory {

    private Instant establishedSince;
    private long establishedTransitions;
    private Inet4Address remoteRouterId;
    private NotificationMessage lastNotification;

    void established(Inet4Address routerId) {
        establishedSince = Instant.now();
        establishedTransitions++;
        remoteRouterId = routerId;
    }

    void down() {
        establishedSince = null;
    }

    void notification(NotificationMessage notification) {
        lastNotification = notification;
    }

    public Optional<Instant> establishedSince() {
        return Optional.ofNullable(establishedSince);
    }

    public long establishedTransitions() {
        return establishedTransitions;
    }

    public Optional<Inet4Address> remoteRouterId() {
        return Optional.ofNullable(remoteRouterId);
    }

    public Optional<NotificationMessage> lastNotification() {
        return Optional.ofNullable(lastNotification);
    }
}
