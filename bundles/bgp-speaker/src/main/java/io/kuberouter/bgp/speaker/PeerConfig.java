package io.kuberouter.bgp.speaker;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.kuberouter.bgp.codec.model.AddressFamily;

/**
 * One peer: where to reach it and how to talk to it. Build with {@link #builder(InetAddress, long)}.
 *
 * @param address the peer's address, the key of the peer
 * @param port the peer's TCP port (default 179)
 * @param peerAsn the peer's AS; equal to the local AS for an internal peer
 * @param localAddress the source address of outgoing connections; empty lets the kernel choose
 * @param password TCP MD5 signature key (RFC 2385), at most 80 octets; empty for none
 * @param multihopTtl IP TTL of the session's packets to an external peer when it is 2 or more
 *     (eBGP multihop); 0 or 1 sends with TTL 1, as RFC 4271 implementations do for directly
 *     connected external peers. Internal peers use the system default.
 * @param holdTime the hold time proposed in OPEN: 0, or 3 s to 65535 s (RFC 4271 §4.2)
 * @param connectRetryTime the ConnectRetryTimer (RFC 4271 §8, jittered as §10 suggests)
 * @param families the address families to negotiate (RFC 4760)
 * @param routeReflectorClient the peer is a route-reflector client of this speaker (RFC 4456)
 * @param clusterId the CLUSTER_ID for routes reflected to and from this client; empty uses the
 *     router id
 * @param gracefulRestart advertise graceful restart to this peer (needs the speaker's setting)
 * @param passive never connect out; wait for the peer
 */
public record PeerConfig(InetAddress address, int port, long peerAsn, Optional<InetAddress> localAddress,
        Optional<String> password, int multihopTtl, Duration holdTime, Duration connectRetryTime,
        Set<AddressFamily> families, boolean routeReflectorClient, Optional<Inet4Address> clusterId,
        boolean gracefulRestart, boolean passive) {

    /** Default hold time, kube-router's {@code --bgp-holdtime} default. */
    public static final Duration DEFAULT_HOLD_TIME = Duration.ofSeconds(90);

    /** Default connect retry time, GoBGP's default that kube-router relies on. */
    public static final Duration DEFAULT_CONNECT_RETRY_TIME = Duration.ofSeconds(5);

    /** Largest TCP MD5 key (Linux TCP_MD5SIG_MAXKEYLEN). */
    public static final int MAX_PASSWORD_OCTETS = 80;

    public PeerConfig {
        Objects.requireNonNull(address, "address");
        requireRange("port", port, 1, 0xFFFF);
        requireRange("peer AS", peerAsn, 1, SpeakerConfig.MAX_ASN);
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(password, "password");
        password.filter(key -> key.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_OCTETS).ifPresent(key -> {
            throw new IllegalArgumentException("TCP MD5 password longer than " + MAX_PASSWORD_OCTETS + " octets");
        });
        requireRange("multihop TTL", multihopTtl, 0, 255);
        if (holdTime.toSeconds() != 0) {
            requireRange("hold time (RFC 4271 §4.2: 0 or 3..65535 s)", holdTime.toSeconds(), 3, 0xFFFF);
        }
        requireRange("connect retry time (ms)", connectRetryTime.toMillis(), 1, Long.MAX_VALUE);
        families = Set.copyOf(families);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a peer needs at least one address family");
        }
        Objects.requireNonNull(clusterId, "clusterId");
    }

    /** A builder with the defaults: port 179, hold time 90 s, the family of {@code address}. */
    public static Builder builder(InetAddress address, long peerAsn) {
        return new Builder(address, peerAsn);
    }

    private static void requireRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + value);
        }
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link PeerConfig}; every setter returns the builder. */
    public static final class Builder {
        private final InetAddress address;
        private final long peerAsn;
        private int port = SpeakerConfig.BGP_PORT;
        private Optional<InetAddress> localAddress = Optional.empty();
        private Optional<String> password = Optional.empty();
        private int multihopTtl;
        private Duration holdTime = DEFAULT_HOLD_TIME;
        private Duration connectRetryTime = DEFAULT_CONNECT_RETRY_TIME;
        private Set<AddressFamily> families;
        private boolean routeReflectorClient;
        private Optional<Inet4Address> clusterId = Optional.empty();
        private boolean gracefulRestart;
        private boolean passive;

        private Builder(InetAddress address, long peerAsn) {
            this.address = Objects.requireNonNull(address, "address");
            this.peerAsn = peerAsn;
            this.families = Set.of(address.getAddress().length == 4
                    ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST);
        }

        private Builder(PeerConfig config) {
            this(config.address, config.peerAsn);
            port = config.port;
            localAddress = config.localAddress;
            password = config.password;
            multihopTtl = config.multihopTtl;
            holdTime = config.holdTime;
            connectRetryTime = config.connectRetryTime;
            families = config.families;
            routeReflectorClient = config.routeReflectorClient;
            clusterId = config.clusterId;
            gracefulRestart = config.gracefulRestart;
            passive = config.passive;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder localAddress(InetAddress value) {
            localAddress = Optional.of(value);
            return this;
        }

        /** An empty or null password means none. */
        public Builder password(String value) {
            password = Optional.ofNullable(value).filter(key -> !key.isEmpty());
            return this;
        }

        public Builder multihopTtl(int value) {
            multihopTtl = value;
            return this;
        }

        public Builder holdTime(Duration value) {
            holdTime = value;
            return this;
        }

        public Builder connectRetryTime(Duration value) {
            connectRetryTime = value;
            return this;
        }

        public Builder families(Set<AddressFamily> value) {
            families = value;
            return this;
        }

        public Builder routeReflectorClient(boolean value) {
            routeReflectorClient = value;
            return this;
        }

        public Builder clusterId(Inet4Address value) {
            clusterId = Optional.of(value);
            return this;
        }

        public Builder gracefulRestart(boolean value) {
            gracefulRestart = value;
            return this;
        }

        public Builder passive(boolean value) {
            passive = value;
            return this;
        }

        public PeerConfig build() {
            return new PeerConfig(address, port, peerAsn, localAddress, password, multihopTtl, holdTime,
                    connectRetryTime, families, routeReflectorClient, clusterId, gracefulRestart, passive);
        }
    }
}
