package io.kuberouter.router.build;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An external BGP peer, from {@code --peer-router-*} or a node's {@code kube-router.io/peers} / {@code peer.*}
 * annotations (behaviour reference §2.2).
 *
 * @param password the TCP MD5 key, already decoded from base64; empty for none
 * @param localAddress the per-peer source address ({@code localip}); empty uses the node's primary IP
 */
public record ExternalPeer(InetAddress address, long asn, int port, Optional<String> password,
        Optional<InetAddress> localAddress) {

    public ExternalPeer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(localAddress, "localAddress");
        if (!PeerAsns.usable(asn)) {
            throw new IllegalArgumentException("peer ASN " + asn + " is reserved or out of range");
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("peer port out of 1..65535: " + port);
        }
    }
}
