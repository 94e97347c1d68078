package io.kuberouter.bgp.speaker;

/**
 * Message and prefix counters of one peer. Message counters add up over the peer's life; prefix
 * counters describe the current session.
 *
 * @param opensSent OPEN messages sent
 * @param opensReceived OPEN messages received
 * @param updatesSent UPDATE messages sent
 * @param updatesReceived UPDATE messages received
 * @param keepalivesSent KEEPALIVE messages sent
 * @param keepalivesReceived KEEPALIVE messages received
 * @param notificationsSent NOTIFICATION messages sent
 * @param notificationsReceived NOTIFICATION messages received
 * @param routeRefreshesReceived ROUTE-REFRESH messages received
 * @param establishedTransitions times the session reached Established
 * @param prefixesReceived prefixes in the peer's Adj-RIB-In
 * @param prefixesAccepted of those, the ones the import policy accepted
 * @param prefixesAdvertised prefixes in the peer's Adj-RIB-Out
 */
public record PeerCounters(long opensSent, long opensReceived, long updatesSent, long updatesReceived,
        long keepalivesSent, long keepalivesReceived, long notificationsSent, long notificationsReceived,
        long routeRefreshesReceived, long establishedTransitions, long prefixesReceived, long prefixesAccepted,
        long prefixesAdvertised) {
}
