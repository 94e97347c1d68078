package io.kuberouter.bgp.speaker.impl.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.NotificationMessage;
import io.kuberouter.bgp.codec.model.UpdateMessage;

/** A {@link SessionOwner} that records what the connection reported. */
final class RecordingOwner implements SessionOwner {

    final MessageCounters counters = new MessageCounters();
    final List<UpdateMessage> updates = new ArrayList<>();
    final List<Map<AddressFamily, List<IpPrefix>>> withdrawals = new ArrayList<>();
    final List<AddressFamily> refreshes = new ArrayList<>();
    Optional<NotificationMessage> openAnswer = Optional.empty();
    int opens;
    int established;
    SessionEnd end;

    @Override
    public MessageCounters counters() {
        return counters;
    }

    @Override
    public Optional<NotificationMessage> openReceived(SessionHandler session) {
        opens++;
        return openAnswer;
    }

    @Override
    public void established(SessionHandler session) {
        established++;
    }

    @Override
    public void updateReceived(SessionHandler session, UpdateMessage update) {
        updates.add(update);
    }

    @Override
    public void withdrawReceived(SessionHandler session, Map<AddressFamily, List<IpPrefix>> withdrawn) {
        withdrawals.add(withdrawn);
    }

    @Override
    public void routeRefreshRequested(SessionHandler session, AddressFamily family) {
        refreshes.add(family);
    }

    @Override
    public void readComplete(SessionHandler session) {
    }

    @Override
    public void writable(SessionHandler session) {
    }

    @Override
    public void closed(SessionHandler session, SessionEnd sessionEnd) {
        end = sessionEnd;
    }
}
