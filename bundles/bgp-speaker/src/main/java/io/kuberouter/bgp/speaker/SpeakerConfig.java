package io.kuberouter.bgp.speaker;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Global settings of a speaker.
 *
 * @param asn the local AS, a 4-octet number (RFC 6793) other than 0
 * @param routerId the BGP Identifier (RFC 4271 §4.2, RFC 6286), not 0.0.0.0
 * @param listenAddresses the addresses to accept connections on; empty for a speaker that only
 *     connects out
 * @param listenPort the TCP port to listen on (kube-router's {@code --bgp-port})
 * @param gracefulRestart graceful restart settings (RFC 4724)
 */
public record SpeakerConfig(long asn, Inet4Address routerId, List<InetAddress> listenAddresses, int listenPort,
        GracefulRestartConfig gracefulRestart) {

    /** The BGP port (RFC 4271 §8.2.1). */
    public static final int BGP_PORT = 179;

    /** Largest 4-octet AS number. */
    public static final long MAX_ASN = 0xFFFF_FFFFL;

    public SpeakerConfig {
        if (asn <= 0 || asn > MAX_ASN) {
            throw new IllegalArgumentException("AS number must be 1.." + MAX_ASN + ": " + asn);
        }
        Objects.requireNonNull(routerId, "routerId");
        if (routerId.isAnyLocalAddress()) {
            throw new IllegalArgumentException("router id must not be 0.0.0.0 (RFC 6286 §2.1)");
        }
        listenAddresses = List.copyOf(listenAddresses);
        if (listenPort < 1 || listenPort > 0xFFFF) {
            throw new IllegalArgumentException("listen port must be 1..65535: " + listenPort);
        }
        Objects.requireNonNull(gracefulRestart, "gracefulRestart");
    }

    /** A speaker listening on {@code listenAddresses} at port 179, without graceful restart. */
    public static SpeakerConfig of(long asn, Inet4Address routerId, List<InetAddress> listenAddresses) {
        return new SpeakerConfig(asn, routerId, listenAddresses, BGP_PORT, GracefulRestartConfig.DISABLED);
    }

    /** This configuration with another listen port. */
    public SpeakerConfig withListenPort(int port) {
        return new SpeakerConfig(asn, routerId, listenAddresses, port, gracefulRestart);
    }

    /** This configuration with other graceful restart settings. */
    public SpeakerConfig withGracefulRestart(GracefulRestartConfig settings) {
        return new SpeakerConfig(asn, routerId, listenAddresses, listenPort, settings);
    }
}
