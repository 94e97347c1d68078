package io.kuberouter.bgp.speaker;

import java.net.InetAddress;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.speaker.policy.RoutingPolicy;

/**
 * A running BGP speaker (RFC 4271): its peers, its local routes, its routing policy and its RIBs.
 * Methods may be called from any thread and return once the speaker's loop has applied them.
 */
@ProviderType
public interface BgpSpeaker extends AutoCloseable {

    /** The configuration the speaker was started with. */
    SpeakerConfig config();

    /**
     * Adds a peer and starts its session: connects unless the peer is passive, and accepts its
     * connections.
     *
     * @throws IllegalArgumentException if a peer with that address exists
     */
    void addPeer(PeerConfig peer);

    /**
     * Replaces the configuration of the peer with the same address; an established session is
     * closed with Cease / Other Configuration Change (RFC 4486 §4) and comes up again with the new
     * settings. No-op when nothing changed.
     *
     * @throws IllegalArgumentException if no peer has that address
     */
    void updatePeer(PeerConfig peer);

    /**
     * Removes a peer: its session ends with Cease / Peer De-configured (RFC 4486 §4) and its
     * routes leave the Loc-RIB. No-op for an unknown address.
     */
    void removePeer(InetAddress address);

    /** Originates {@code route}, replacing an earlier local route to the same prefix. */
    void originate(LocalRoute route);

    /** Withdraws the local route to {@code prefix}; no-op if there is none. */
    void withdraw(IpPrefix prefix);

    /**
     * Replaces the routing policy. Received routes are re-evaluated against the new import policy
     * (the Adj-RIBs-In keep the routes as received) and every peer's Adj-RIB-Out against the new
     * export policy; only the differences are sent.
     */
    void setPolicy(RoutingPolicy policy);

    /**
     * Subscribes to Loc-RIB changes. The listener first receives the current best paths, then every
     * change, in order, on the speaker's loop thread; batches hold at most a few thousand changes.
     */
    Subscription subscribe(BestPathListener listener);

    /** State and counters of every configured peer, in the order they were added. */
    List<PeerStatus> peers();

    /** The best paths of {@code family} (the Loc-RIB), in no particular order. */
    List<Route> localRib(AddressFamily family);

    /** Number of prefixes of {@code family} that have a best path. */
    int localRibSize(AddressFamily family);

    /**
     * The routes received from {@code peer} (its Adj-RIB-In, before import policy); empty for an
     * unknown peer.
     */
    List<Route> adjRibIn(InetAddress peer, AddressFamily family);

    /**
     * The routes advertised to {@code peer} (its Adj-RIB-Out), with the attributes as sent and
     * without a source peer; empty for an unknown or not established peer.
     */
    List<Route> adjRibOut(InetAddress peer, AddressFamily family);

    /**
     * Stops the speaker: every session ends with Cease / Administrative Shutdown (RFC 4486 §4),
     * the listen sockets close and the loop thread ends. Idempotent.
     */
    @Override
    void close();
}
