package io.kuberouter.bgp.speaker.impl.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/** The peer a connection belongs to; called on the connection's event loop. */
public interface SessionOwner {

    /** Counters the connection adds its messages to. */
    MessageCounters counters();

    /**
     * The connection received an acceptable OPEN ({@link SessionHandler#negotiation()} is set).
     * Returns the NOTIFICATION to close it with instead of confirming, e.g. a collision (RFC 4271
     * §6.8), or empty to go on.
     */
    Optional<NotificationMessage> openReceived(SessionHandler session);

    /** The connection reached Established. */
    void established(SessionHandler session);

    /** An UPDATE arrived in Established (possibly with attributes discarded, RFC 7606 §2). */
    void updateReceived(SessionHandler session, UpdateMessage update);

    /** An UPDATE whose routes are to be treated as withdrawn (RFC 7606 §2). */
    void withdrawReceived(SessionHandler session, Map<AddressFamily, List<IpPrefix>> withdrawn);

    /** A ROUTE-REFRESH arrived (RFC 2918 §4). */
    void routeRefreshRequested(SessionHandler session, AddressFamily family);

    /** The messages of one read have been delivered. */
    void readComplete(SessionHandler session);

    /** The connection can take more output again. */
    void writable(SessionHandler session);

    /** The connection is gone. */
    void closed(SessionHandler session, SessionEnd end);
}
